export interface ReportDeps {
  // The report (issue 7) adds its services here, e.g. the PDF renderer.
}
