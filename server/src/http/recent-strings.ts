/**
 * Strings seen lately, each kept once, up to `max` of them (the oldest forgotten first): the thousand subscriptions
 * of as many dashboards then hold one copy of the same operation text, variable or key, not one each.
 */
export class RecentStrings {
  private readonly known = new Map<string, string>();

  constructor(private readonly max: number) {}

  /** The copy of `text` kept, made by `make` (the text itself by default) the first time it is asked for. */
  shared(text: string, make: (text: string) => string = (same) => same): string {
    const known = this.known.get(text);
    if (known !== undefined) return known;
    if (this.known.size >= this.max) this.known.delete(this.known.keys().next().value as string);
    const made = make(text);
    this.known.set(text, made);
    return made;
  }
}
