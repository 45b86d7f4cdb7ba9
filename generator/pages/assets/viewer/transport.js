/* The transport: play/pause, restart, frame step, the shared scrubber and the time. */

import { Listeners } from "./listeners.js";

export class Transport {
  constructor(engine, root) {
    this.engine = engine;
    this.root = root;
    this.listeners = new Listeners();
    this.play = root.querySelector("[data-theater-play]");
    this.scrub = root.querySelector("[data-theater-scrub]");
    this.time = root.querySelector("[data-theater-time]");
    const on = this.listeners.on.bind(this.listeners);
    on(this.play, "click", () => engine.toggle());
    const restart = root.querySelector("[data-theater-restart]");
    if (restart) { on(restart, "click", () => engine.restart()); }
    root.querySelectorAll("[data-theater-step]").forEach((button) => {
      const direction = parseInt(button.getAttribute("data-theater-step"), 10);
      on(button, "click", () => engine.step(direction));
    });
    if (this.scrub) { on(this.scrub, "input", () => engine.seek(parseFloat(this.scrub.value))); }
    const render = () => this.render();
    ["state", "time", "members"].forEach((type) => this.listeners.add(engine.on(type, render)));
    root.querySelectorAll(".theater-transport[hidden]").forEach((el) => { el.hidden = false; });
    this.render();
  }

  render() {
    const engine = this.engine, root = this.root, total = engine.total();
    const label = root.getAttribute(engine.playing ? "data-label-pause" : "data-label-play");
    const time = (root.getAttribute("data-label-time") || "{t} / {total}")
      .replace("{t}", engine.t.toFixed(2)).replace("{total}", total.toFixed(2));
    this.play.setAttribute("aria-pressed", String(engine.playing));
    const text = this.play.querySelector(".theater-play-label");
    if (text) { text.textContent = label; }
    const icon = this.play.querySelector(".theater-icon");
    if (icon) { icon.textContent = engine.playing ? "❚❚" : "▶"; }
    if (this.scrub) {
      this.scrub.max = String(total);
      // The reader's own thumb is not pulled from under them while paused.
      if (root.ownerDocument.activeElement !== this.scrub || engine.playing) {
        this.scrub.value = String(engine.t);
      }
      this.scrub.setAttribute("aria-valuetext", time);
    }
    if (this.time) { this.time.textContent = time; }
  }

  dispose() { this.listeners.dispose(); }
}
