/* The A/B wipe: two clips on one frame, A left of a divider the reader drags or moves by key.

   The wipe has players of its own (the tiles keep playing), put on the engine's timeline while
   the wipe is open and taken off, their downloads stopped, when it closes. */

import { clamp } from "./engine.js";
import { Listeners } from "./listeners.js";
import { clipOf, reportEnd } from "./tiles.js";

const STEP = 5; // percent per arrow key on the divider
const MOVES = {
  ArrowLeft: -STEP, ArrowDown: -STEP, ArrowRight: STEP, ArrowUp: STEP,
  PageDown: -4 * STEP, PageUp: 4 * STEP, Home: -100, End: 100,
};

export class Wipe {
  constructor(engine, root, tiles) {
    this.engine = engine;
    this.tiles = tiles;
    this.listeners = new Listeners();
    this.clipListeners = new Listeners();
    this.clips = [];
    this.options = [];
    this.position = 50;
    this.box = root.querySelector("[data-theater-wipe]");
    const toggle = root.querySelector("[data-theater-wipe-toggle]");
    if (!toggle) { return; }
    if (!this.box || tiles.clips.length < 2) { toggle.hidden = true; return; }
    this.toggleButton = toggle;
    this.a = this.box.querySelector("[data-theater-wipe-a]");
    this.b = this.box.querySelector("[data-theater-wipe-b]");
    this.stage = this.box.querySelector("[data-theater-wipe-stage]");
    this.divider = this.box.querySelector("[data-theater-divider]");
    const on = this.listeners.on.bind(this.listeners);
    on(toggle, "click", () => this.toggle());
    tiles.clips.forEach((clip, index) => {
      const name = clip.media.getAttribute("data-name") || String(index + 1);
      [this.a, this.b].forEach((select) => {
        const option = new Option(name, String(index));
        select.add(option);
        this.options.push(option);
      });
    });
    this.a.value = "0";
    this.b.value = "1";
    [this.a, this.b].forEach((select) => on(select, "change", () => this.build()));
    this.set(50);
    on(this.divider, "keydown", (event) => {
      if (!(event.key in MOVES)) { return; }
      this.set(this.position + MOVES[event.key]);
      event.preventDefault();
    });
    let dragging = false;
    const follow = (event) => {
      const box = this.stage.getBoundingClientRect();
      this.set((event.clientX - box.left) / box.width * 100);
    };
    on(this.stage, "pointerdown", (event) => {
      dragging = true;
      this.stage.setPointerCapture(event.pointerId);
      follow(event);
      this.divider.focus({ preventScroll: true });
      event.preventDefault();
    });
    on(this.stage, "pointermove", (event) => { if (dragging) { follow(event); } });
    ["pointerup", "pointercancel"].forEach((type) => on(this.stage, type, () => { dragging = false; }));
  }

  /** Move the divider to `percent` of the stage's width. */
  set(percent) {
    const value = Math.round(clamp(percent, 0, 100));
    this.position = value;
    this.stage.style.setProperty("--wipe", value + "%");
    this.divider.setAttribute("aria-valuenow", String(value));
    this.divider.setAttribute("aria-valuetext", value + "%");
  }

  toggle() {
    const open = this.box.hidden;
    this.box.hidden = !open;
    this.toggleButton.setAttribute("aria-pressed", String(open));
    this.toggleButton.setAttribute("aria-expanded", String(open));
    if (open) { this.build(); } else { this.clear(); }
  }

  /** Take the wipe's players off the timeline and out of the page, their downloads stopped. */
  clear() {
    const clips = this.clips;
    this.clips = [];
    this.clipListeners.dispose();
    if (clips.length) { this.engine.remove(clips); }
    clips.forEach((c) => {
      c.media.pause();
      c.media.removeAttribute("src");
      c.media.load();
      c.media.remove();
    });
    this.box.querySelectorAll(".theater-wipe-name").forEach((el) => el.remove());
  }

  /** Two players of their own, on top of each other; A is cut off right of the divider. */
  build() {
    this.clear();
    const document = this.box.ownerDocument;
    const clips = ["a", "b"].map((side) => {
      const source = this.tiles.clips[parseInt(this[side].value, 10)].media;
      const video = document.createElement("video");
      ["data-fps", "data-duration", "data-name"].forEach((name) => {
        if (source.hasAttribute(name)) { video.setAttribute(name, source.getAttribute(name)); }
      });
      video.className = "theater-wipe-video theater-wipe-" + side;
      video.muted = true;
      video.playsInline = true;
      video.preload = "auto";
      video.setAttribute("aria-hidden", "true");
      if (source.hasAttribute("data-poster")) { video.poster = source.getAttribute("data-poster"); }
      const file = source.querySelector("source");
      video.src = file ? file.src : source.currentSrc;
      this.stage.insertBefore(video, this.divider);
      const label = document.createElement("span");
      label.className = "theater-wipe-name theater-wipe-name-" + side;
      label.textContent = side.toUpperCase() + " · " + (source.getAttribute("data-name") || "");
      this.stage.appendChild(label);
      const clip = clipOf(video);
      reportEnd(this.engine, clip, this.clipListeners);
      return clip;
    });
    this.clips = clips;
    this.engine.add(clips);
  }

  dispose() {
    if (this.box && this.toggleButton) { this.clear(); }
    this.listeners.dispose();
    this.options.splice(0).forEach((option) => option.remove());
  }
}
