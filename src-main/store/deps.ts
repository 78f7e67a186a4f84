export interface StoreDeps {
  // The file store (issue 6) adds its services here.
}
