/* The comparison viewer's sync engine: one timeline for every clip, with no DOM in it.

   The timeline runs from 0 to the longest clip's length; a shorter clip holds the middle of
   its last frame. While playing, the longest clip (the lead) is the clock: on each frame it
   presents, every other clip is nudged toward it through its playback rate (`correctedRate`),
   or seeked when it is far off. Paused, every clip sits exactly on the same time.

   A clip wraps anything shaped like a media element (currentTime, duration, paused, seeking,
   readyState, ended, playbackRate, preload, play(), pause()); the engine never touches a
   document, so `node --test` runs it against simulated players. Time passes through a
   scheduler: `animation(callback)` (the display's frames) and `videoFrame(media, callback)`
   (the frames a player presents, or null where the browser cannot say), each returning a
   function that cancels the request. Features listen to the engine's events:
   "state" (playing or not), "time", "rate", "loop", "members" and "dispose". */

export const SEEK_STEP = 1; // seconds moved by one seek key
export const HARD_DRIFT = 0.12; // seconds: a clip further off than this is seeked
export const SOFT_DRIFT = 0.004; // seconds: closer than this it plays at the shared rate
export const NUDGE = 5; // rate correction per second of drift
export const MAX_NUDGE = 0.5; // largest share by which a clip's rate is bent
export const DEFAULT_FPS = 24; // frame rate for frame stepping when the page gives none
const EPSILON = 1e-3; // a thousandth of a second or of a frame: rounding, not time

export function clamp(value, low, high) { return Math.min(high, Math.max(low, value)); }

function quietly(promise) { if (promise && promise.catch) { promise.catch(() => {}); } }

/** The rate that brings a follower `drift` seconds off the lead (positive: ahead) back to it
    at the shared `rate`; null when it is so far off that it must be seeked instead. The bend
    is relative to the rate, so drift closes as fast in seconds at 0.25× as at 1×. */
export function correctedRate(drift, rate) {
  const size = Math.abs(drift);
  if (size > HARD_DRIFT) { return null; }
  if (size <= SOFT_DRIFT) { return rate; }
  return rate * (1 - clamp(drift * NUDGE / rate, -MAX_NUDGE, MAX_NUDGE));
}

/** The time one frame step moves to from `t`: the middle of the neighbouring frame (so
    rounding never shows its neighbour) of a clip of `fps`, within a timeline of `total`
    seconds. The instant `total` belongs to the timeline's last frame, not to one after it. */
export function frameStep(t, fps, direction, total) {
  const frames = Math.max(1, Math.ceil(total * fps - EPSILON));
  const current = Math.min(Math.floor(t * fps + EPSILON), frames - 1);
  const target = clamp(current + direction, 0, frames - 1);
  return Math.min((target + 0.5) / fps, Math.max(total, 0.5 / fps));
}

/** One clip on the timeline: its player and what the page says of it. */
export class Clip {
  constructor(media, { fps = 0, duration = 0 } = {}) {
    this.media = media;
    this.fps = fps > 0 ? fps : DEFAULT_FPS;
    this.probed = duration > 0 ? duration : 0;
  }

  /** The player's duration once known; before that, what probing found. */
  duration() {
    const d = this.media.duration;
    return Number.isFinite(d) && d > 0 ? d : this.probed;
  }

  /** The middle of the last frame: where a clip that has ended holds. */
  last() { return Math.max(0, this.duration() - 0.5 / this.fps); }

  /** Where this clip shows timeline time `t`. */
  at(t) { return Math.min(t, this.last()); }

  seek(t) {
    const target = this.at(t);
    if (Math.abs(this.media.currentTime - target) > 1e-4) { this.media.currentTime = target; }
  }

  /** Whether the clip can go on at `t`: it holds its end, or has data and is not seeking. */
  ready(t) {
    return t >= this.last() || (this.media.readyState >= 3 && !this.media.seeking);
  }
}

/** Named events with listeners that can all be dropped at once. */
export class Emitter {
  constructor() { this.listeners = new Map(); }

  /** Call `listener` on each `type` event; returns a function that stops it. */
  on(type, listener) {
    if (!this.listeners.has(type)) { this.listeners.set(type, new Set()); }
    this.listeners.get(type).add(listener);
    return () => this.off(type, listener);
  }

  off(type, listener) {
    const set = this.listeners.get(type);
    if (set) { set.delete(listener); if (!set.size) { this.listeners.delete(type); } }
  }

  emit(type, detail) {
    const set = this.listeners.get(type);
    if (set) { [...set].forEach((listener) => listener(detail)); }
  }

  /** How many listeners are attached (every type): zero after `dispose`. */
  count() { let n = 0; this.listeners.forEach((set) => { n += set.size; }); return n; }
}

/** The timeline and its clips under one transport. */
export class Engine extends Emitter {
  /** `scheduler` gives time (see the file's comment); `reference()` names the clip whose
      frames a frame step counts (default: the first clip); `order(clips)` gives the order in
      which players are asked for data (default: as added; the page asks for the clips in view
      first, since a browser serves downloads in the order they are asked for). */
  constructor({ scheduler, reference, order } = {}) {
    super();
    if (!scheduler) { throw new TypeError("the engine needs a scheduler"); }
    this.scheduler = scheduler;
    this.chooseReference = reference || null;
    this.order = order || ((clips) => clips);
    this.members = [];
    this.t = 0;
    this.rate = 1;
    this.loop = false;
    this.playing = false;
    this.held = false;
    this.primed = false;
    this.disposed = false;
    this.token = 0;
    this.cancelFrame = null;
    this.cancelAnimation = null;
  }

  /** The timeline's length: the longest clip's. */
  total() { return this.members.reduce((m, c) => Math.max(m, c.duration()), 0); }

  /** The clock while playing: the longest clip (the first of equals), which plays to the end. */
  lead() {
    return this.members.reduce(
      (best, c) => (!best || c.duration() > best.duration() + 1e-6 ? c : best), null);
  }

  /** The clip whose frames a frame step counts. */
  reference() {
    const chosen = this.chooseReference ? this.chooseReference() : null;
    return chosen && this.members.includes(chosen) ? chosen : this.members[0] || null;
  }

  /** Put `clips` on the timeline; while playing, every clip is first brought to the time. */
  add(clips) {
    if (this.playing) {
      this.t = this.now();
      this.members = this.members.concat(clips);
      this.prime();
      this.hold(); // until the new players have data
      this.schedule();
    } else {
      this.members = this.members.concat(clips);
      if (this.primed) { this.prime(); }
      clips.forEach((c) => { c.media.playbackRate = this.rate; c.seek(this.t); });
    }
    this.emit("members", this.members);
    this.emit("time", this.t);
  }

  /** Take `clips` off the timeline (their players are left to their owner); the others play
      on, behind a new lead if the lead left. */
  remove(clips) {
    const lead = this.lead();
    this.t = this.now();
    this.members = this.members.filter((c) => !clips.includes(c));
    if (this.playing && this.lead() !== lead) {
      if (this.members.length) { this.schedule(); } else { this.pause(); }
    }
    this.t = clamp(this.t, 0, this.total());
    this.emit("members", this.members);
    this.emit("time", this.t);
  }

  /** Where the timeline is: the lead's time while it runs, else the engine's own. */
  now() {
    const lead = this.lead();
    return this.playing && !this.held && lead
      ? clamp(lead.media.currentTime, 0, this.total()) : this.t;
  }

  /** The first request of any kind lets every player fetch its clip. */
  prime() {
    this.order(this.members).forEach((c) => {
      if (c.media.preload !== "auto") { c.media.preload = "auto"; }
    });
    this.primed = true;
  }

  /** Play from the current time (from the start when at the end); every clip is first
      brought to it, and all start together once each has data (see `hold`). */
  play() {
    if (this.playing || this.disposed) { return; }
    this.prime();
    if (this.t >= this.total() - EPSILON) { this.t = 0; }
    this.playing = true;
    this.hold();
    this.schedule();
    this.emit("state", true);
    this.emit("time", this.t);
  }

  pause() {
    if (!this.playing) { return; }
    this.t = this.now();
    this.playing = false;
    this.held = false;
    this.unschedule();
    this.members.forEach((c) => { c.media.pause(); c.media.playbackRate = this.rate; c.seek(this.t); });
    this.emit("state", false);
    this.emit("time", this.t);
  }

  toggle() { if (this.playing) { this.pause(); } else { this.play(); } }

  /** Back to the start, playing. */
  restart() { this.seek(0); this.play(); }

  seek(t) {
    this.prime();
    this.t = clamp(t, 0, this.total());
    if (this.playing) {
      this.hold();
    } else {
      this.members.forEach((c) => c.seek(this.t));
    }
    this.emit("time", this.t);
  }

  /** Seek by `seconds` from where the timeline is now. */
  skip(seconds) { this.seek(this.now() + seconds); }

  /** One frame of the reference clip forward (1) or back (-1); stepping pauses. */
  step(direction) {
    this.pause();
    const ref = this.reference();
    if (!ref) { return; }
    this.seek(frameStep(this.t, ref.fps, direction, this.total()));
  }

  setRate(rate) {
    if (!(rate > 0)) { return; }
    this.rate = rate;
    this.members.forEach((c) => { c.media.playbackRate = rate; });
    this.emit("rate", rate);
  }

  setLoop(loop) {
    this.loop = Boolean(loop);
    this.emit("loop", this.loop);
  }

  /** A player reports its end: the lead's end is the timeline's. */
  ended(clip) { if (this.playing && clip === this.lead()) { this.finish(); } }

  finish() {
    if (this.loop) { this.seek(0); this.schedule(); return; }
    this.playing = false;
    this.held = false;
    this.unschedule();
    this.t = this.total();
    this.members.forEach((c) => { c.media.pause(); c.seek(this.t); });
    this.emit("state", false);
    this.emit("time", this.t);
  }

  /** Every clip paused on the time, waiting until each can play (see `tick`). */
  hold() {
    this.held = true;
    this.order(this.members).forEach((c) => {
      c.media.pause();
      c.media.playbackRate = this.rate;
      c.seek(this.t);
    });
  }

  /** Clips that should be moving at the time, and whether each can: a clip that is still
      loading or seeking holds the others back instead of letting them run ahead of it. */
  ready() { return this.members.every((c) => c.ready(this.t)); }

  release() {
    this.held = false;
    this.order(this.members).forEach((c) => {
      c.seek(this.t);
      if (this.t < c.last()) { quietly(c.media.play()); }
    });
  }

  /** One loop per play: the lead's frames drive drift correction, display frames the rest. */
  schedule() {
    this.unschedule();
    const lead = this.lead();
    if (!lead) { return; }
    const token = this.token;
    const live = () => token === this.token && this.playing;
    let frames = false;
    // A callback checks that its loop is still the current one before it touches the slots.
    const onFrame = () => {
      if (!live()) { return; }
      this.cancelFrame = null;
      if (!this.held) { this.correct(); }
      if (live()) { this.cancelFrame = this.scheduler.videoFrame(lead.media, onFrame); }
    };
    const onAnimation = () => {
      if (!live()) { return; }
      this.cancelAnimation = null;
      this.tick(lead, frames);
      if (live()) { this.cancelAnimation = this.scheduler.animation(onAnimation); }
    };
    this.cancelFrame = this.scheduler.videoFrame ? this.scheduler.videoFrame(lead.media, onFrame) : null;
    frames = Boolean(this.cancelFrame);
    this.cancelAnimation = this.scheduler.animation(onAnimation);
  }

  /** Cancel the loop's pending requests; a callback already under way sees the new token. */
  unschedule() {
    this.token += 1;
    [this.cancelFrame, this.cancelAnimation].forEach((cancel) => { if (cancel) { cancel(); } });
    this.cancelFrame = null;
    this.cancelAnimation = null;
  }

  /** One display frame while playing: release a hold, follow the lead, notice its end. */
  tick(lead, frames) {
    if (this.held) {
      if (this.ready()) { this.release(); }
    } else {
      if (lead.media.ended) { this.finish(); return; }
      this.t = clamp(lead.media.currentTime, 0, this.total());
      if (!this.ready()) { this.hold(); } else if (!frames) { this.correct(); }
    }
    this.emit("time", this.t);
  }

  /** Bring every follower to the lead: a shorter clip holds its end, one far off is seeked,
      one a little off has its rate bent (`correctedRate`). */
  correct() {
    const lead = this.lead(), rate = this.rate;
    if (!lead || lead.media.seeking || lead.media.paused) { return; }
    const t = lead.media.currentTime;
    this.members.forEach((c) => {
      if (c === lead) { return; }
      const m = c.media;
      if (t >= c.last()) {
        // A shorter clip holds its last frame until the timeline comes back.
        if (!m.paused) { m.pause(); }
        if (!m.seeking && Math.abs(m.currentTime - c.last()) > 0.5 / c.fps) { m.currentTime = c.last(); }
        return;
      }
      if (m.paused) { m.playbackRate = rate; m.currentTime = t; quietly(m.play()); return; } // back in range
      if (m.seeking || m.readyState < 3) { return; }
      const bent = correctedRate(m.currentTime - t, rate);
      if (bent === null) {
        m.playbackRate = rate;
        m.currentTime = t;
      } else if (m.playbackRate !== bent) {
        m.playbackRate = bent;
      }
    });
  }

  /** Stop the timeline, pause every player and drop every listener of the engine. */
  dispose() {
    if (this.disposed) { return; }
    this.playing = false;
    this.held = false;
    this.unschedule();
    this.members.forEach((c) => c.media.pause());
    this.disposed = true;
    this.emit("dispose");
    this.listeners.clear();
  }
}
