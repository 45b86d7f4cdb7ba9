/* The large view: one tile across the grid's width, first in it; Escape closes it. */

import { forViewer } from "./keyboard.js";
import { Listeners } from "./listeners.js";

export class LargeView {
  constructor(root, tiles) {
    this.listeners = new Listeners();
    this.tiles = tiles;
    this.tile = null;
    root.querySelectorAll("[data-theater-enlarge]").forEach((button) => {
      this.listeners.on(button, "click", () => this.toggle(button.closest(".theater-tile")));
    });
    this.listeners.on(root, "keydown", (event) => {
      if (event.key !== "Escape" || !this.tile || !forViewer(event)) { return; }
      const button = this.tile.querySelector("[data-theater-enlarge]");
      this.toggle(this.tile);
      if (button) { button.focus(); }
      event.preventDefault();
    });
  }

  /** The clip in large view, if any: frame steps count its frames. */
  clip() {
    const video = this.tile && this.tile.querySelector("video");
    return video ? this.tiles.clipOf(video) : null;
  }

  toggle(tile) {
    const previous = this.tile;
    if (previous) { this.mark(previous, false); }
    this.tile = previous === tile ? null : tile;
    if (this.tile) {
      this.mark(this.tile, true);
      this.tile.scrollIntoView({ block: "nearest" });
    }
  }

  mark(tile, large) {
    tile.classList.toggle("is-large", large);
    const button = tile.querySelector("[data-theater-enlarge]");
    if (button) { button.setAttribute("aria-pressed", String(large)); }
  }

  dispose() { this.listeners.dispose(); }
}
