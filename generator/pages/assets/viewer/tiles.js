/* The tiles: each clip of the grid on the engine's timeline, with its own controls off. */

import { Clip } from "./engine.js";
import { Listeners } from "./listeners.js";

/** A clip for a player, with the frame rate and probed length the page gives it. */
export function clipOf(video) {
  return new Clip(video, {
    fps: parseFloat(video.getAttribute("data-fps")) || 0,
    duration: parseFloat(video.getAttribute("data-duration")) || 0,
  });
}

/** Tell the engine when `clip`'s player reaches its end. */
export function reportEnd(engine, clip, listeners) {
  listeners.on(clip.media, "ended", () => engine.ended(clip));
}

export class Tiles {
  constructor(engine, root) {
    this.listeners = new Listeners();
    const grid = root.querySelector(".theater-grid");
    this.clips = grid ? Array.from(grid.querySelectorAll("video"), clipOf) : [];
    this.clips.forEach((clip) => {
      const video = clip.media;
      video.removeAttribute("controls");
      video.muted = true;
      video.loop = false;
      // A frame is on screen: the poster behind the video is no longer needed.
      const frame = video.closest(".theater-frame");
      const shown = () => { if (frame) { frame.classList.add("has-frame"); } };
      this.listeners.on(video, "loadeddata", shown);
      this.listeners.on(video, "seeked", shown);
      reportEnd(engine, clip, this.listeners);
    });
    root.querySelectorAll(".theater-tools[hidden]").forEach((el) => { el.hidden = false; });
    engine.add(this.clips);
  }

  /** The clip of a player in the grid, if it is one. */
  clipOf(video) { return this.clips.find((c) => c.media === video) || null; }

  dispose() { this.listeners.dispose(); }
}
