/* The speed buttons (1×, 0.5×, 0.25×): one rate for every clip, the chosen one pressed. */

import { Listeners } from "./listeners.js";

export class Speed {
  constructor(engine, root) {
    this.listeners = new Listeners();
    this.buttons = Array.from(root.querySelectorAll("[data-theater-rate]"));
    const rateOf = (button) => parseFloat(button.getAttribute("data-theater-rate"));
    this.buttons.forEach((button) => {
      this.listeners.on(button, "click", () => engine.setRate(rateOf(button)));
    });
    this.listeners.add(engine.on("rate", (rate) => {
      this.buttons.forEach((b) => b.setAttribute("aria-pressed", String(rateOf(b) === rate)));
    }));
  }

  dispose() { this.listeners.dispose(); }
}
