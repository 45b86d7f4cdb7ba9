/* Every listener a feature adds, kept so that `dispose` can take each one off again. */

export class Listeners {
  constructor() { this.offs = []; }

  /** `target.addEventListener(type, listener)`, remembered. */
  on(target, type, listener, options) {
    target.addEventListener(type, listener, options);
    this.offs.push(() => target.removeEventListener(type, listener, options));
  }

  /** Remember a function that undoes a subscription (an engine's `on` returns one). */
  add(off) { this.offs.push(off); }

  /** Take every listener off, newest first. */
  dispose() { this.offs.splice(0).reverse().forEach((off) => off()); }
}
