/* The comparison theater: every clip of one prompt under one transport, kept frame-aligned.

   The timeline runs from 0 to the longest clip's length; a shorter clip holds its last frame.
   While playing, the longest clip is the clock: on each frame it presents
   (requestVideoFrameCallback, or animation frames where a browser lacks it) every other clip is
   nudged toward it through its playback rate, or seeked when it is far off. Paused, every clip
   sits exactly on the same time. Nothing loads before the reader asks: videos have
   preload="none" and the tiles show lazy poster images until a frame is decoded. */
(function () {
  "use strict";

  var SEEK_STEP = 1; // seconds moved by the left and right arrow keys
  var HARD_DRIFT = 0.12; // seconds: a clip further off than this is seeked
  var SOFT_DRIFT = 0.004; // seconds: closer than this it plays at the shared rate
  var NUDGE = 5; // rate correction per second of drift
  var MAX_NUDGE = 0.5; // largest share by which a clip's rate is bent
  var WIPE_STEP = 5; // percent per arrow key on the wipe divider
  var theaters = [];

  function clamp(value, low, high) { return Math.min(high, Math.max(low, value)); }

  function quietly(promise) { if (promise && promise.catch) { promise.catch(function () {}); } }

  function Clip(video) {
    this.video = video;
    this.fps = parseFloat(video.getAttribute("data-fps")) || 24;
    this.probed = parseFloat(video.getAttribute("data-duration")) || 0;
  }
  Clip.prototype.duration = function () {
    var d = this.video.duration;
    return isFinite(d) && d > 0 ? d : this.probed;
  };
  // The middle of the last frame: where a clip that has ended holds.
  Clip.prototype.last = function () { return Math.max(0, this.duration() - 0.5 / this.fps); };
  Clip.prototype.at = function (t) { return Math.min(t, this.last()); };
  Clip.prototype.seek = function (t) {
    var target = this.at(t);
    if (Math.abs(this.video.currentTime - target) > 1e-4) { this.video.currentTime = target; }
  };

  function Theater(root) {
    var self = this;
    this.root = root;
    this.grid = root.querySelector(".theater-grid");
    this.clips = Array.prototype.map.call(
      this.grid.querySelectorAll("video"), function (v) { return new Clip(v); });
    this.wipeClips = [];
    this.t = 0;
    this.rate = 1;
    this.loop = false;
    this.playing = false;
    this.held = false;
    this.token = 0;
    this.large = null;
    this.primed = false;
    this.play = root.querySelector("[data-theater-play]");
    this.scrub = root.querySelector("[data-theater-scrub]");
    this.time = root.querySelector("[data-theater-time]");
    this.wipe = root.querySelector("[data-theater-wipe]");
    if (!this.clips.length || !this.play) { return; }

    this.clips.forEach(function (clip) {
      var video = clip.video;
      video.removeAttribute("controls");
      video.muted = true;
      video.loop = false;
      // A frame is on screen: the poster behind the video is no longer needed.
      var shown = function () { video.closest(".theater-frame").classList.add("has-frame"); };
      video.addEventListener("loadeddata", shown);
      video.addEventListener("seeked", shown);
      video.addEventListener("ended", function () { self.ended(clip); });
    });
    root.querySelectorAll("[hidden].theater-transport, [hidden].theater-tools, [hidden].theater-keys")
      .forEach(function (el) { el.hidden = false; });
    this.bind();
    this.render();
  }

  Theater.prototype.members = function () { return this.clips.concat(this.wipeClips); };

  Theater.prototype.total = function () {
    return this.members().reduce(function (m, c) { return Math.max(m, c.duration()); }, 0);
  };

  // The clock while playing: the longest clip, which plays to the end of the timeline.
  Theater.prototype.lead = function () {
    return this.members().reduce(function (best, c) {
      return !best || c.duration() > best.duration() + 1e-6 ? c : best;
    }, null);
  };

  // The clip whose frames a frame step counts: the one in large view, A of the wipe, or the
  // first tile.
  Theater.prototype.reference = function () {
    if (this.large) {
      var video = this.large.querySelector("video");
      var found = this.clips.filter(function (c) { return c.video === video; })[0];
      if (found) { return found; }
    }
    return this.wipeClips[0] || this.clips[0];
  };

  // Clips in view first: a player given preload or a seek starts a download, and the browser
  // serves requests in the order they are made, so the clips in view are ready first.
  function inViewFirst(clips) {
    var height = window.innerHeight || document.documentElement.clientHeight;
    function seen(c) {
      var box = c.video.getBoundingClientRect();
      return box.bottom > 0 && box.top < height && box.width > 0 ? 0 : 1;
    }
    return clips.map(function (c, i) { return { c: c, key: seen(c), i: i }; })
      .sort(function (a, b) { return a.key - b.key || a.i - b.i; })
      .map(function (x) { return x.c; });
  }

  // The first request of any kind lets every player fetch its clip.
  Theater.prototype.prime = function () {
    inViewFirst(this.members()).forEach(function (c) {
      if (c.video.preload !== "auto") { c.video.preload = "auto"; }
    });
    this.primed = true;
  };

  // Play from the current time: every clip is first brought to it, and all start together once
  // each has data to play (see `hold`).
  Theater.prototype.start = function () {
    this.prime();
    if (this.t >= this.total() - 1e-3) { this.t = 0; }
    this.playing = true;
    this.hold();
    this.schedule();
    this.render();
  };

  // Clips that should be moving at time t, and whether each can: a clip that is still loading
  // or seeking holds the others back instead of letting them run ahead of it.
  Theater.prototype.ready = function () {
    var t = this.t;
    return this.members().every(function (c) {
      return t >= c.last() || (c.video.readyState >= 3 && !c.video.seeking);
    });
  };

  Theater.prototype.hold = function () {
    var self = this;
    this.held = true;
    inViewFirst(this.members()).forEach(function (c) {
      c.video.pause();
      c.video.playbackRate = self.rate;
      c.seek(self.t);
    });
  };

  Theater.prototype.release = function () {
    var self = this;
    this.held = false;
    inViewFirst(this.members()).forEach(function (c) {
      c.seek(self.t);
      if (self.t < c.last()) { quietly(c.video.play()); }
    });
  };

  Theater.prototype.stop = function () {
    var lead = this.lead();
    this.playing = false;
    this.token += 1;
    if (lead && !this.held) { this.t = clamp(lead.video.currentTime, 0, this.total()); }
    this.held = false;
    var t = this.t, rate = this.rate;
    this.members().forEach(function (c) { c.video.pause(); c.video.playbackRate = rate; c.seek(t); });
    this.render();
  };

  Theater.prototype.toggle = function () { if (this.playing) { this.stop(); } else { this.start(); } };

  Theater.prototype.seek = function (t) {
    var self = this;
    this.prime();
    this.t = clamp(t, 0, this.total());
    if (this.playing) {
      this.hold();
    } else {
      this.members().forEach(function (c) { c.seek(self.t); });
    }
    this.render();
  };

  Theater.prototype.step = function (direction) {
    if (this.playing) { this.stop(); }
    var ref = this.reference();
    var frame = Math.floor(this.t * ref.fps + 1e-3) + direction;
    // Aim at the middle of a frame, so rounding never shows its neighbour.
    this.seek(clamp((frame + 0.5) / ref.fps, 0.5 / ref.fps, this.total()));
  };

  Theater.prototype.setRate = function (rate) {
    this.rate = rate;
    this.members().forEach(function (c) { c.video.playbackRate = rate; });
    this.root.querySelectorAll("[data-theater-rate]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(parseFloat(b.getAttribute("data-theater-rate")) === rate));
    });
    this.render();
  };

  Theater.prototype.ended = function (clip) {
    if (this.playing && clip === this.lead()) { this.finish(); }
  };

  Theater.prototype.finish = function () {
    if (this.loop) { this.seek(0); this.schedule(); return; }
    this.playing = false;
    this.token += 1;
    this.t = this.total();
    var t = this.t;
    this.members().forEach(function (c) { c.video.pause(); c.seek(t); });
    this.render();
  };

  // One loop per play: the lead's frames drive drift correction, animation frames the display.
  Theater.prototype.schedule = function () {
    var self = this, token = ++this.token;
    var lead = this.lead();
    if (!lead) { return; }
    var video = lead.video;
    var frames = typeof video.requestVideoFrameCallback === "function";
    function onFrame() {
      if (token !== self.token || !self.playing) { return; }
      if (!self.held) { self.correct(); }
      video.requestVideoFrameCallback(onFrame);
    }
    function onAnimation() {
      if (token !== self.token || !self.playing) { return; }
      if (self.held) {
        if (self.ready()) { self.release(); }
      } else {
        if (video.ended) { self.finish(); return; }
        self.t = clamp(video.currentTime, 0, self.total());
        if (!self.ready()) { self.hold(); } else if (!frames) { self.correct(); }
      }
      self.render();
      window.requestAnimationFrame(onAnimation);
    }
    if (frames) { video.requestVideoFrameCallback(onFrame); }
    window.requestAnimationFrame(onAnimation);
  };

  Theater.prototype.correct = function () {
    var lead = this.lead(), rate = this.rate;
    if (!lead || lead.video.seeking || lead.video.paused) { return; }
    var t = lead.video.currentTime;
    this.members().forEach(function (c) {
      if (c === lead) { return; }
      var v = c.video;
      if (t >= c.last()) {
        // A shorter clip holds its last frame until the timeline comes back.
        if (!v.paused) { v.pause(); }
        if (!v.seeking && Math.abs(v.currentTime - c.last()) > 0.5 / c.fps) { v.currentTime = c.last(); }
        return;
      }
      if (v.paused) { v.playbackRate = rate; v.currentTime = t; quietly(v.play()); return; } // back in range
      if (v.seeking || v.readyState < 3) { return; }
      var drift = v.currentTime - t;
      if (Math.abs(drift) > HARD_DRIFT) {
        v.playbackRate = rate;
        v.currentTime = t;
      } else if (Math.abs(drift) > SOFT_DRIFT) {
        // As fast in seconds of drift at 0.25× as at 1×: the bend is relative to the rate.
        v.playbackRate = rate * (1 - clamp(drift * NUDGE / rate, -MAX_NUDGE, MAX_NUDGE));
      } else if (v.playbackRate !== rate) {
        v.playbackRate = rate;
      }
    });
  };

  Theater.prototype.render = function () {
    var total = this.total();
    var label = this.root.getAttribute(this.playing ? "data-label-pause" : "data-label-play");
    var time = (this.root.getAttribute("data-label-time") || "{t} / {total}")
      .replace("{t}", this.t.toFixed(2)).replace("{total}", total.toFixed(2));
    this.play.setAttribute("aria-pressed", String(this.playing));
    this.play.querySelector(".theater-play-label").textContent = label;
    this.play.querySelector(".theater-icon").textContent = this.playing ? "❚❚" : "▶";
    if (this.scrub) {
      this.scrub.max = String(total);
      if (document.activeElement !== this.scrub || this.playing) { this.scrub.value = String(this.t); }
      this.scrub.setAttribute("aria-valuetext", time);
    }
    if (this.time) { this.time.textContent = time; }
  };

  Theater.prototype.enlarge = function (tile) {
    var previous = this.large;
    if (previous) {
      previous.classList.remove("is-large");
      previous.querySelector("[data-theater-enlarge]").setAttribute("aria-pressed", "false");
    }
    this.large = previous === tile ? null : tile;
    if (this.large) {
      tile.classList.add("is-large");
      tile.querySelector("[data-theater-enlarge]").setAttribute("aria-pressed", "true");
      tile.scrollIntoView({ block: "nearest" });
    }
  };

  // Only one clip is heard at a time, the one the reader chose.
  Theater.prototype.listen = function (button) {
    var video = button.closest(".theater-tile").querySelector("video");
    var on = video.muted;
    this.clips.forEach(function (c) { c.video.muted = true; });
    video.muted = !on;
    this.root.querySelectorAll("[data-theater-sound]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b === button && on));
    });
  };

  Theater.prototype.bind = function () {
    var self = this, root = this.root;
    this.play.addEventListener("click", function () { self.toggle(); });
    var restart = root.querySelector("[data-theater-restart]");
    if (restart) { restart.addEventListener("click", function () { self.seek(0); if (!self.playing) { self.start(); } }); }
    root.querySelectorAll("[data-theater-step]").forEach(function (b) {
      b.addEventListener("click", function () { self.step(parseInt(b.getAttribute("data-theater-step"), 10)); });
    });
    root.querySelectorAll("[data-theater-rate]").forEach(function (b) {
      b.addEventListener("click", function () { self.setRate(parseFloat(b.getAttribute("data-theater-rate"))); });
    });
    var loop = root.querySelector("[data-theater-loop]");
    if (loop) {
      loop.addEventListener("click", function () {
        self.loop = !self.loop;
        loop.setAttribute("aria-pressed", String(self.loop));
      });
    }
    if (this.scrub) {
      this.scrub.addEventListener("input", function () { self.seek(parseFloat(self.scrub.value)); });
    }
    root.querySelectorAll("[data-theater-enlarge]").forEach(function (b) {
      b.addEventListener("click", function () { self.enlarge(b.closest(".theater-tile")); });
    });
    root.querySelectorAll("[data-theater-sound]").forEach(function (b) {
      b.addEventListener("click", function () { self.listen(b); });
    });
    var toggle = root.querySelector("[data-theater-wipe-toggle]");
    if (toggle && this.wipe && this.clips.length >= 2) {
      toggle.addEventListener("click", function () { self.toggleWipe(toggle); });
      this.bindWipe();
    } else if (toggle) {
      toggle.hidden = true;
    }
    root.addEventListener("keydown", function (event) { self.key(event); });
  };

  Theater.prototype.key = function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target, tag = target.tagName;
    if (tag === "SELECT" || tag === "TEXTAREA" || (tag === "INPUT" && target.type !== "range")) { return; }
    if (target.hasAttribute("data-theater-divider") && event.key !== " ") { return; }
    switch (event.key) {
      case " ":
      case "Spacebar":
        if (tag === "BUTTON" || tag === "A") { return; } // the control's own action
        this.toggle();
        break;
      case "ArrowLeft": this.seek(this.t - SEEK_STEP); break;
      case "ArrowRight": this.seek(this.t + SEEK_STEP); break;
      case ",": this.step(-1); break;
      case ".": this.step(1); break;
      case "Escape":
        if (!this.large) { return; }
        var button = this.large.querySelector("[data-theater-enlarge]");
        this.enlarge(this.large);
        button.focus();
        break;
      default: return;
    }
    event.preventDefault();
  };

  // ---------------------------------------------------------------- A/B wipe

  Theater.prototype.bindWipe = function () {
    var self = this;
    var a = this.wipe.querySelector("[data-theater-wipe-a]");
    var b = this.wipe.querySelector("[data-theater-wipe-b]");
    this.clips.forEach(function (clip, index) {
      var name = clip.video.getAttribute("data-name") || String(index + 1);
      [a, b].forEach(function (select) { select.add(new Option(name, String(index))); });
    });
    a.value = "0";
    b.value = "1";
    [a, b].forEach(function (select) { select.addEventListener("change", function () { self.buildWipe(); }); });
    var stage = this.wipe.querySelector("[data-theater-wipe-stage]");
    var divider = this.wipe.querySelector("[data-theater-divider]");
    this.setWipe(50);
    divider.addEventListener("keydown", function (event) {
      var now = self.wipePosition, moves = {
        ArrowLeft: -WIPE_STEP, ArrowDown: -WIPE_STEP, ArrowRight: WIPE_STEP, ArrowUp: WIPE_STEP,
        PageDown: -4 * WIPE_STEP, PageUp: 4 * WIPE_STEP, Home: -100, End: 100
      };
      if (!(event.key in moves)) { return; }
      self.setWipe(now + moves[event.key]);
      event.preventDefault();
    });
    var dragging = false;
    function follow(event) {
      var box = stage.getBoundingClientRect();
      self.setWipe((event.clientX - box.left) / box.width * 100);
    }
    stage.addEventListener("pointerdown", function (event) {
      dragging = true;
      stage.setPointerCapture(event.pointerId);
      follow(event);
      divider.focus({ preventScroll: true });
      event.preventDefault();
    });
    stage.addEventListener("pointermove", function (event) { if (dragging) { follow(event); } });
    ["pointerup", "pointercancel"].forEach(function (type) {
      stage.addEventListener(type, function () { dragging = false; });
    });
  };

  Theater.prototype.setWipe = function (percent) {
    var value = Math.round(clamp(percent, 0, 100));
    this.wipePosition = value;
    var stage = this.wipe.querySelector("[data-theater-wipe-stage]");
    var divider = this.wipe.querySelector("[data-theater-divider]");
    stage.style.setProperty("--wipe", value + "%");
    divider.setAttribute("aria-valuenow", String(value));
    divider.setAttribute("aria-valuetext", value + "%");
  };

  Theater.prototype.toggleWipe = function (toggle) {
    var open = this.wipe.hidden;
    this.wipe.hidden = !open;
    toggle.setAttribute("aria-pressed", String(open));
    toggle.setAttribute("aria-expanded", String(open));
    if (open) { this.buildWipe(); } else { this.clearWipe(); }
  };

  Theater.prototype.clearWipe = function () {
    this.wipeClips.forEach(function (c) {
      c.video.pause();
      c.video.removeAttribute("src");
      c.video.load();
      c.video.remove();
    });
    this.wipe.querySelectorAll(".theater-wipe-name").forEach(function (el) { el.remove(); });
    this.wipeClips = [];
  };

  // Two players of their own, on top of each other; A is cut off right of the divider.
  Theater.prototype.buildWipe = function () {
    var self = this;
    var stage = this.wipe.querySelector("[data-theater-wipe-stage]");
    var divider = this.wipe.querySelector("[data-theater-divider]");
    this.clearWipe();
    ["a", "b"].forEach(function (side) {
      var index = parseInt(self.wipe.querySelector("[data-theater-wipe-" + side + "]").value, 10);
      var source = self.clips[index].video;
      var video = document.createElement("video");
      ["data-fps", "data-duration", "data-name"].forEach(function (name) {
        if (source.hasAttribute(name)) { video.setAttribute(name, source.getAttribute(name)); }
      });
      video.className = "theater-wipe-video theater-wipe-" + side;
      video.muted = true;
      video.playsInline = true;
      video.preload = "auto";
      video.setAttribute("aria-hidden", "true");
      if (source.hasAttribute("data-poster")) { video.poster = source.getAttribute("data-poster"); }
      video.src = source.querySelector("source").src;
      stage.insertBefore(video, divider);
      var label = document.createElement("span");
      label.className = "theater-wipe-name theater-wipe-name-" + side;
      label.textContent = side.toUpperCase() + " · " + (source.getAttribute("data-name") || "");
      stage.appendChild(label);
      var clip = new Clip(video);
      video.addEventListener("ended", function () { self.ended(clip); });
      self.wipeClips.push(clip);
    });
    if (this.playing) {
      var lead = this.lead();
      this.t = lead && !this.held ? clamp(lead.video.currentTime, 0, this.total()) : this.t;
      this.hold(); // until the new players have data
      this.schedule();
    } else {
      this.wipeClips.forEach(function (c) { c.video.playbackRate = self.rate; c.seek(self.t); });
    }
  };

  // ---------------------------------------------------------------- pages

  function start() {
    theaters = theaters.filter(function (theater) {
      if (theater.root.isConnected) { return true; }
      theater.playing = false;
      theater.token += 1;
      return false;
    });
    document.querySelectorAll("[data-theater]:not([data-theater-ready])").forEach(function (root) {
      root.setAttribute("data-theater-ready", "");
      theaters.push(new Theater(root));
    });
  }

  // Material's instant navigation swaps pages without a full load; document$ announces each.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
