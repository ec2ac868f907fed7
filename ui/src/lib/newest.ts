// The one guard against stale replies: when the same thing is asked for again before the first
// answer comes, only the newest answer is shown, however the answers arrive.

export class NewestReply {
  private newest = 0;

  /** Takes a ticket for a request about to go: it says true while no newer request (or `drop`) came after. */
  ticket(): () => boolean {
    const mine = ++this.newest;
    return () => mine === this.newest;
  }

  /** Makes every answer still on its way stale (an effect's cleanup). */
  readonly drop = (): void => {
    this.newest += 1;
  };
}
