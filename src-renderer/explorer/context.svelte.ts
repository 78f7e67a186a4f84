/** Explorer-wide state: bumped when the knowledge release in use changes, so sections reload. */
export class ExplorerContext {
  /** Incremented after selectRelease / importRelease. */
  version = $state(0);

  releaseChanged(): void {
    this.version++;
  }
}

export const explorerContext = new ExplorerContext();
