/* Sound: one clip is heard at a time, the one the reader chose; pressing it again mutes it. */

import { Listeners } from "./listeners.js";

export class Sound {
  constructor(root, tiles) {
    this.listeners = new Listeners();
    this.tiles = tiles;
    this.buttons = Array.from(root.querySelectorAll("[data-theater-sound]"));
    this.buttons.forEach((button) => {
      this.listeners.on(button, "click", () => this.listen(button));
    });
  }

  listen(button) {
    const tile = button.closest(".theater-tile");
    const video = tile && tile.querySelector("video");
    if (!video) { return; }
    const on = video.muted;
    this.tiles.clips.forEach((c) => { c.media.muted = true; });
    video.muted = !on;
    this.buttons.forEach((b) => b.setAttribute("aria-pressed", String(b === button && on)));
  }

  dispose() { this.listeners.dispose(); }
}
