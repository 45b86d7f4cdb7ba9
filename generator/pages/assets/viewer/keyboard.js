/* The viewer's keys: Space plays or pauses, ←/→ move a second, "," and "." step a frame. */

import { SEEK_STEP } from "./engine.js";
import { Listeners } from "./listeners.js";

/** Whether a key pressed in the viewer is the viewer's to handle, not a control's own. */
export function forViewer(event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return false; }
  const target = event.target, tag = target.tagName;
  if (tag === "SELECT" || tag === "TEXTAREA" || (tag === "INPUT" && target.type !== "range")) {
    return false;
  }
  // The wipe's divider moves with the arrow keys itself.
  return !(target.hasAttribute && target.hasAttribute("data-theater-divider") && event.key !== " ");
}

export class Keyboard {
  constructor(engine, root) {
    this.listeners = new Listeners();
    this.listeners.on(root, "keydown", (event) => {
      if (forViewer(event) && this.key(engine, event)) { event.preventDefault(); }
    });
    root.querySelectorAll(".theater-keys[hidden]").forEach((el) => { el.hidden = false; });
  }

  /** Act on one key; true when it was the viewer's. */
  key(engine, event) {
    switch (event.key) {
      case " ":
      case "Spacebar": {
        const tag = event.target.tagName;
        if (tag === "BUTTON" || tag === "A") { return false; } // the control's own action
        engine.toggle();
        return true;
      }
      case "ArrowLeft": engine.skip(-SEEK_STEP); return true;
      case "ArrowRight": engine.skip(SEEK_STEP); return true;
      case ",": engine.step(-1); return true;
      case ".": engine.step(1); return true;
      default: return false;
    }
  }

  dispose() { this.listeners.dispose(); }
}
