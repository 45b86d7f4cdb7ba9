/* Players and time for the engine's tests: a simulated media element and a scheduler whose
   clock moves only when a test says so, so every run is the same. */

/** A media element as the engine sees it: it loads once asked to (preload "auto"), takes a
    display frame to seek, plays at `playbackRate` times `skew` (a clock running fast or slow),
    stops at its end and tells `onended`. */
export class SimulatedPlayer {
  constructor({ duration, load = 2, seek = 1, skew = 1, known = true } = {}) {
    this.length = duration;
    this.duration = known ? duration : NaN;
    this.loadFrames = load;
    this.seekFrames = seek;
    this.skew = skew;
    this.time = 0;
    this.paused = true;
    this.ended = false;
    this.seeking = false;
    this.seekLeft = 0;
    this.readyState = 0;
    this.playbackRate = 1;
    this.preload = "none";
    this.onended = null;
    this.seeks = 0;
  }

  get currentTime() { return this.time; }

  set currentTime(value) {
    this.time = Math.min(Math.max(value, 0), this.length);
    this.ended = false;
    this.seeks += 1;
    this.seeking = true;
    this.seekLeft = this.seekFrames;
  }

  play() {
    if (this.time >= this.length) { this.time = 0; }
    this.paused = false;
    this.ended = false;
    return Promise.resolve();
  }

  pause() { this.paused = true; }

  /** One display frame of `dt` seconds; true when the player presented a new frame. */
  advance(dt) {
    if (this.preload === "auto" && this.readyState < 4) {
      this.loadFrames -= 1;
      if (this.loadFrames <= 0) { this.readyState = 4; this.duration = this.length; }
      return false;
    }
    if (this.seeking) {
      this.seekLeft -= 1;
      if (this.seekLeft <= 0) { this.seeking = false; }
      return false;
    }
    if (this.paused || this.readyState < 3) { return false; }
    this.time += dt * this.playbackRate * this.skew;
    if (this.time >= this.length) {
      this.time = this.length;
      this.paused = true;
      this.ended = true;
      if (this.onended) { this.onended(); }
    }
    return true;
  }
}

/** Display frames at `fps`; `run(seconds)` moves every player and answers every request. */
export class SimulatedTime {
  constructor(fps = 60) {
    this.dt = 1 / fps;
    this.now = 0;
    this.players = [];
    this.animations = new Map();
    this.frames = new Map();
    this.next = 1;
    this.videoFrames = true;
    const self = this;
    this.scheduler = {
      animation(callback) {
        const id = self.next++;
        self.animations.set(id, callback);
        return () => self.animations.delete(id);
      },
      videoFrame(media, callback) {
        if (!self.videoFrames) { return null; }
        const id = self.next++;
        self.frames.set(id, { media, callback });
        return () => self.frames.delete(id);
      },
    };
  }

  /** Requests not yet answered (none once the engine has stopped or been disposed). */
  pending() { return this.animations.size + this.frames.size; }

  /** Run for `seconds`; `each(now)` sees every display frame. */
  run(seconds, each) {
    const steps = Math.round(seconds / this.dt);
    for (let i = 0; i < steps; i++) {
      this.now += this.dt;
      const presented = new Set(this.players.filter((p) => p.advance(this.dt)));
      const frames = [...this.frames].filter(([, f]) => presented.has(f.media));
      frames.forEach(([id]) => this.frames.delete(id));
      frames.forEach(([, f]) => f.callback(this.now, { mediaTime: f.media.currentTime }));
      const animations = [...this.animations];
      this.animations.clear();
      animations.forEach(([, callback]) => callback(this.now));
      if (each) { each(this.now); }
    }
  }
}
