/* The loop button: at the end of the timeline, start again from the beginning. */

import { Listeners } from "./listeners.js";

export class Loop {
  constructor(engine, root) {
    this.listeners = new Listeners();
    const button = root.querySelector("[data-theater-loop]");
    if (!button) { return; }
    this.listeners.on(button, "click", () => engine.setLoop(!engine.loop));
    this.listeners.add(engine.on("loop", (on) => button.setAttribute("aria-pressed", String(on))));
  }

  dispose() { this.listeners.dispose(); }
}
