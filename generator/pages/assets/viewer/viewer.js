/* The comparison viewer: the engine of engine.js under a page's transport, tiles, speed, loop,
   large view, sound, A/B wipe and keys, one feature per module, each listening to the engine.

   magazine.js imports this module on a page that has a viewer and calls `mount` on every page
   Material shows (instant navigation swaps pages without a full load): the viewers of a page
   that is gone are disposed, every listener taken off, and each new `[data-theater]` gets one.
   The markup works without script (every player has its own controls), so a viewer that
   cannot start leaves the page as it was. */

import { Engine } from "./engine.js";
import { Keyboard } from "./keyboard.js";
import { LargeView } from "./large.js";
import { Loop } from "./loop.js";
import { Sound } from "./sound.js";
import { Speed } from "./speed.js";
import { Tiles } from "./tiles.js";
import { Transport } from "./transport.js";
import { Wipe } from "./wipe.js";

/** Time as the browser gives it: display frames, and the frames a player presents. */
export const browserScheduler = {
  animation(callback) {
    const id = window.requestAnimationFrame(callback);
    return () => window.cancelAnimationFrame(id);
  },
  videoFrame(media, callback) {
    if (typeof media.requestVideoFrameCallback !== "function") { return null; }
    const id = media.requestVideoFrameCallback(callback);
    return () => media.cancelVideoFrameCallback(id);
  },
};

/** Clips in view first (in their order), then the rest: a player given preload or a seek
    starts a download, and the browser serves requests in the order they are made. */
function inViewFirst(clips) {
  const height = window.innerHeight || document.documentElement.clientHeight;
  const seen = (c) => {
    const box = c.media.getBoundingClientRect();
    return box.bottom > 0 && box.top < height && box.width > 0 ? 0 : 1;
  };
  return clips.map((c, i) => ({ c, key: seen(c), i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.c);
}

export class Viewer {
  /** A viewer for `root`, or null when it has no clip or no transport to drive. */
  static create(root, scheduler = browserScheduler) {
    const grid = root.querySelector(".theater-grid");
    if (!grid || !grid.querySelector("video") || !root.querySelector("[data-theater-play]")) {
      return null;
    }
    return new Viewer(root, scheduler);
  }

  constructor(root, scheduler) {
    this.root = root;
    let large = null, wipe = null;
    // Frame steps count the frames of the clip in large view, else of A in the wipe.
    const reference = () => (large && large.clip()) || (wipe && wipe.clips[0]) || null;
    this.engine = new Engine({ scheduler, reference, order: inViewFirst });
    const tiles = new Tiles(this.engine, root);
    large = new LargeView(root, tiles);
    wipe = new Wipe(this.engine, root, tiles);
    this.parts = [
      tiles,
      new Transport(this.engine, root),
      new Speed(this.engine, root),
      new Loop(this.engine, root),
      large,
      new Sound(root, tiles),
      wipe,
      new Keyboard(this.engine, root),
    ];
  }

  /** Stop every clip and take off every listener the viewer added. */
  dispose() {
    this.engine.dispose();
    this.parts.splice(0).reverse().forEach((part) => part.dispose());
  }
}

const viewers = [];

/** Dispose the viewers whose page is gone; start one for each new viewer in `document`. */
export function mount(document) {
  viewers.splice(0).forEach((viewer) => {
    if (viewer.root.isConnected) { viewers.push(viewer); } else { viewer.dispose(); }
  });
  document.querySelectorAll("[data-theater]:not([data-theater-ready])").forEach((root) => {
    root.setAttribute("data-theater-ready", "");
    const viewer = Viewer.create(root);
    if (viewer) { viewers.push(viewer); }
  });
}

