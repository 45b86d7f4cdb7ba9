/* The viewer's sync engine without a browser: drift law, frame steps, rates, loop, clips
   shorter than the timeline, holds, and dispose. Run with `npm test` (node --test). */

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  Clip, Engine, HARD_DRIFT, MAX_NUDGE, NUDGE, SOFT_DRIFT, correctedRate, frameStep,
} from "../../generator/pages/assets/viewer/engine.js";
import { SimulatedPlayer, SimulatedTime } from "./simulated.js";

const FRAME_24 = 1 / 24;

/** An engine over players of these lengths (or player options), with a time to run it. */
function theater(specs, { fps = [], reference } = {}) {
  const time = new SimulatedTime();
  const players = specs.map((s) => new SimulatedPlayer(typeof s === "number" ? { duration: s } : s));
  const clips = players.map((p, i) => new Clip(p, { fps: fps[i] || 24, duration: p.length }));
  const engine = new Engine({ scheduler: time.scheduler, reference });
  players.forEach((p, i) => { p.onended = () => engine.ended(clips[i]); });
  time.players.push(...players);
  engine.add(clips);
  return { time, engine, players, clips };
}

/** The spread of times of every clip still short of its end at the lead's time. */
function spread(clips, engine) {
  const now = engine.lead().media.currentTime;
  const times = clips.filter((c) => c.last() > now + 0.1).map((c) => c.media.currentTime);
  return times.length ? Math.max(...times) - Math.min(...times) : 0;
}

describe("the drift law", () => {
  test("a clip within the soft band plays at the shared rate", () => {
    assert.equal(correctedRate(0, 1), 1);
    assert.equal(correctedRate(SOFT_DRIFT, 0.5), 0.5);
    assert.equal(correctedRate(-SOFT_DRIFT, 0.25), 0.25);
  });

  test("a clip ahead slows down, one behind speeds up, in proportion to the drift", () => {
    const drift = 0.02;
    assert.equal(correctedRate(drift, 1), 1 - drift * NUDGE);
    assert.equal(correctedRate(-drift, 1), 1 + drift * NUDGE);
    assert.ok(correctedRate(0.01, 1) > correctedRate(0.02, 1));
  });

  test("the drift closes as fast in seconds at 0.25× as at 1×", () => {
    const drift = 0.005;
    const closing = (rate) => rate - correctedRate(drift, rate);
    assert.ok(Math.abs(closing(1) - closing(0.25)) < 1e-12);
    assert.ok(Math.abs(closing(0.5) - drift * NUDGE) < 1e-12);
  });

  test("the bend is capped at MAX_NUDGE of the rate", () => {
    assert.equal(correctedRate(HARD_DRIFT, 1), 1 - MAX_NUDGE);
    assert.equal(correctedRate(-HARD_DRIFT, 0.25), 0.25 * (1 + MAX_NUDGE));
  });

  test("a clip further off than HARD_DRIFT is seeked, not bent", () => {
    assert.equal(correctedRate(HARD_DRIFT + 1e-6, 1), null);
    assert.equal(correctedRate(-1, 0.5), null);
  });
});

describe("frame steps", () => {
  test("land on the middle of the next or previous frame", () => {
    assert.equal(frameStep(0, 24, 1, 5), 1.5 / 24);
    assert.equal(frameStep(1.5 / 24, 24, 1, 5), 2.5 / 24);
    assert.equal(frameStep(2.5 / 24, 24, -1, 5), 1.5 / 24);
    assert.equal(frameStep(0.5, 30, 1, 5), 16.5 / 30);
  });

  test("count frames from any time inside a frame, forgiving rounding", () => {
    assert.equal(frameStep(2 / 24 - 1e-9, 24, 1, 5), 3.5 / 24);
    assert.equal(frameStep(2.9 / 24, 24, 1, 5), 3.5 / 24);
  });

  test("stop at the first frame", () => {
    assert.equal(frameStep(0, 24, -1, 5), 0.5 / 24);
    assert.equal(frameStep(0.5 / 24, 24, -1, 5), 0.5 / 24);
  });

  test("stop at the last frame, and step back from the end to the frame before it", () => {
    const last = frameStep(5, 24, 1, 5);
    assert.equal(last, 119.5 / 24);
    assert.equal(frameStep(last, 24, 1, 5), last);
    assert.equal(frameStep(5, 24, -1, 5), 118.5 / 24);
  });

  test("never pass the timeline's end when it cuts a frame short", () => {
    assert.ok(frameStep(5, 24, 1, 5.01) <= 5.01);
    assert.equal(frameStep(0, 10, 1, 0.05), 0.05);
  });

  test("count the reference clip's frames and move every clip to the same time", () => {
    const { engine, clips } = theater([3, 3, 2], { fps: [24, 30, 10] });
    engine.step(1);
    engine.step(1);
    assert.equal(engine.t, 2.5 / 24);
    assert.ok(clips.every((c) => Math.abs(c.media.currentTime - engine.t) < 1e-9));
  });

  test("follow the clip a feature chooses as reference", () => {
    let chosen = null;
    const { engine, clips } = theater([3, 3], { fps: [24, 10], reference: () => chosen });
    chosen = clips[1];
    engine.step(1);
    assert.equal(engine.t, 1.5 / 10);
    chosen = new Clip(new SimulatedPlayer({ duration: 3 }), { fps: 50 }); // not on the timeline
    engine.step(1);
    assert.equal(engine.t, frameStep(1.5 / 10, 24, 1, 3));
  });

  test("pause a playing timeline first", () => {
    const { engine, time, players } = theater([3, 3]);
    engine.play();
    time.run(0.5);
    engine.step(1);
    assert.equal(engine.playing, false);
    assert.ok(players.every((p) => p.paused));
    assert.equal(time.pending(), 0);
  });
});

describe("playing", () => {
  test("nothing loads or moves before the reader asks", () => {
    const { engine, time, players } = theater([3, 2]);
    time.run(0.5);
    assert.ok(players.every((p) => p.preload === "none" && p.paused && p.currentTime === 0));
    assert.equal(engine.playing, false);
    assert.equal(time.pending(), 0);
  });

  test("every clip waits for the slowest to load, then all start together", () => {
    const { engine, time, players } = theater([{ duration: 3 }, { duration: 3, load: 20 }]);
    engine.play();
    time.run(0.2);
    assert.ok(players.every((p) => p.paused && p.currentTime === 0), "none ran ahead");
    time.run(0.5);
    assert.ok(players.every((p) => !p.paused && p.currentTime > 0.1));
    assert.ok(Math.abs(players[0].currentTime - players[1].currentTime) < FRAME_24);
  });

  test("a clip whose clock runs fast is bent back within a frame of the lead", () => {
    const { engine, time, clips, players } = theater([{ duration: 6 }, { duration: 5, skew: 1.03 }]);
    engine.play();
    time.run(1);
    const spreads = [];
    time.run(3, () => spreads.push(spread(clips, engine)));
    assert.ok(Math.max(...spreads) < FRAME_24, `spread ${Math.max(...spreads)}`);
    assert.ok(players[1].playbackRate < 1, "the fast clip plays slower than the shared rate");
    assert.equal(players[0].playbackRate, 1, "the lead keeps the shared rate");
  });

  test("a clip knocked far off is seeked back to the lead", () => {
    const { engine, time, players } = theater([4, 4]);
    engine.play();
    time.run(1);
    players[1].currentTime = players[1].currentTime + 0.5;
    time.run(0.3);
    assert.ok(Math.abs(players[1].currentTime - players[0].currentTime) < FRAME_24);
  });

  test("pausing sets every clip on one time, the engine's", () => {
    const { engine, time, players } = theater([{ duration: 4 }, { duration: 4, skew: 0.98 }]);
    engine.play();
    time.run(1.3);
    engine.pause();
    assert.ok(engine.t > 1.1 && engine.t < 1.4, engine.t);
    assert.ok(players.every((p) => p.paused && Math.abs(p.currentTime - engine.t) < 1e-4));
    assert.ok(players.every((p) => p.playbackRate === 1));
    assert.equal(time.pending(), 0, "no frame is asked for while paused");
  });

  test("a seek while playing holds every clip on the new time, then plays on", () => {
    const { engine, time, players } = theater([5, 5]);
    engine.play();
    time.run(0.5);
    engine.skip(2);
    assert.ok(players.every((p) => p.paused && Math.abs(p.currentTime - engine.t) < 1e-9));
    time.run(0.5);
    assert.ok(players.every((p) => !p.paused && p.currentTime > 2.5));
  });

  test("one loop runs however often play, pause, seek and rate changes come", () => {
    const { engine, time } = theater([6, 5]);
    for (let i = 0; i < 5; i++) {
      engine.play();
      time.run(0.1);
      engine.skip(0.2);
      engine.setRate(i % 2 ? 1 : 0.5);
      time.run(0.1);
      engine.pause();
    }
    engine.play();
    time.run(0.5);
    assert.equal(time.pending(), 2, "one display frame and one video frame asked for");
  });

  test("a duration not yet known comes from what probing found", () => {
    const { engine } = theater([{ duration: 3, known: false }, { duration: 2, known: false }]);
    assert.equal(engine.total(), 3);
  });

  test("the lead is the longest clip, the first of equals", () => {
    const { engine, clips } = theater([2, 4, 4, 1]);
    assert.equal(engine.lead(), clips[1]);
    assert.equal(engine.total(), 4);
  });
});

describe("rate changes", () => {
  test("every clip plays at the new rate and the timeline moves at it", () => {
    const { engine, time, players } = theater([8, 8, 8]);
    engine.play();
    time.run(0.5);
    const before = engine.now();
    engine.setRate(0.5);
    assert.ok(players.every((p) => p.playbackRate === 0.5));
    time.run(2);
    assert.ok(Math.abs(engine.now() - before - 1) < 0.05, engine.now() - before);
    assert.ok(players.every((p) => Math.abs(p.playbackRate - 0.5) <= 0.5 * MAX_NUDGE));
  });

  test("slow motion keeps a fast clock within a frame", () => {
    const { engine, time, clips } = theater([{ duration: 6 }, { duration: 6, skew: 1.02 }]);
    engine.setRate(0.25);
    engine.play();
    time.run(2);
    const spreads = [];
    time.run(4, () => spreads.push(spread(clips, engine)));
    assert.ok(Math.max(...spreads) < FRAME_24 / 2, `spread ${Math.max(...spreads)}`);
  });

  test("a rate set while paused is the rate play starts with", () => {
    const { engine, time, players } = theater([3, 3]);
    engine.setRate(0.25);
    engine.play();
    time.run(1);
    assert.ok(players.every((p) => p.playbackRate === 0.25));
    assert.ok(engine.now() < 0.3);
  });

  test("a rate that is not a positive number is refused", () => {
    const { engine } = theater([3]);
    engine.setRate(0);
    engine.setRate(NaN);
    assert.equal(engine.rate, 1);
  });

  test("are announced", () => {
    const { engine } = theater([3]);
    const heard = [];
    const off = engine.on("rate", (rate) => heard.push(rate));
    engine.setRate(0.5);
    off();
    engine.setRate(1);
    assert.deepEqual(heard, [0.5]);
  });
});

describe("the end of the timeline", () => {
  test("without loop, play stops at the end with every clip on its last frame", () => {
    const { engine, time, players, clips } = theater([2, 1]);
    const states = [];
    engine.on("state", (playing) => states.push(playing));
    engine.play();
    time.run(3);
    assert.equal(engine.playing, false);
    assert.equal(engine.t, 2);
    assert.ok(players.every((p) => p.paused));
    assert.ok(clips.every((c) => Math.abs(c.media.currentTime - c.last()) < 1e-9));
    assert.deepEqual(states, [true, false]);
    assert.equal(time.pending(), 0);
  });

  test("play at the end starts again from the beginning", () => {
    const { engine, time } = theater([1, 1]);
    engine.play();
    time.run(2);
    engine.play();
    assert.equal(engine.t, 0);
    time.run(0.5);
    assert.ok(engine.now() > 0.3 && engine.now() < 0.6);
  });

  test("with loop, the timeline starts again from the beginning and plays on", () => {
    const { engine, time, players } = theater([1.5, 1]);
    engine.setLoop(true);
    engine.play();
    const times = [];
    time.run(4, () => times.push(engine.now()));
    assert.equal(engine.playing, true);
    const restarts = times.filter((t, i) => i && t < times[i - 1] - 1).length;
    assert.ok(restarts >= 2, `restarted ${restarts} times`);
    assert.ok(players.some((p) => !p.paused));
  });

  test("loop is announced", () => {
    const { engine } = theater([1]);
    const heard = [];
    engine.on("loop", (on) => heard.push(on));
    engine.setLoop(true);
    engine.setLoop(false);
    assert.deepEqual(heard, [true, false]);
  });
});

describe("a clip shorter than the timeline", () => {
  test("holds its last frame while the others play on", () => {
    const { engine, time, players, clips } = theater([4, 1]);
    engine.play();
    time.run(2);
    assert.ok(!players[0].paused && players[0].currentTime > 1.8);
    assert.ok(players[1].paused);
    assert.ok(Math.abs(players[1].currentTime - clips[1].last()) <= 0.5 / 24);
  });

  test("plays again when the timeline comes back into its range", () => {
    const { engine, time, players } = theater([4, 1]);
    engine.play();
    time.run(2);
    engine.seek(0.2);
    time.run(0.3);
    assert.ok(!players[1].paused && players[1].currentTime > 0.2);
    assert.ok(Math.abs(players[1].currentTime - players[0].currentTime) < FRAME_24);
  });

  test("is seeked to its last frame, not past it, when the timeline is beyond it", () => {
    const { engine, players, clips } = theater([4, 1], { fps: [24, 10] });
    engine.seek(3);
    assert.equal(players[0].currentTime, 3);
    assert.equal(players[1].currentTime, clips[1].last());
    assert.equal(clips[1].last(), 1 - 0.05);
  });

  test("does not hold the others back once it has ended", () => {
    const { engine, time, players } = theater([{ duration: 3 }, { duration: 0.5, load: 1 }]);
    engine.play();
    time.run(1.5);
    players[1].readyState = 1; // a player that dropped its data after its end
    time.run(0.5);
    assert.ok(!players[0].paused && players[0].currentTime > 1.8);
  });
});

describe("clips joining and leaving", () => {
  test("a clip added while playing is brought to the time before all play on", () => {
    const { engine, time, players } = theater([4, 4]);
    engine.play();
    time.run(1);
    const extra = new SimulatedPlayer({ duration: 4, load: 10 });
    time.players.push(extra);
    engine.add([new Clip(extra, { fps: 24 })]);
    assert.equal(extra.preload, "auto");
    assert.ok(players.every((p) => p.paused), "held until the new player has data");
    time.run(0.5);
    assert.ok([...players, extra].every((p) => !p.paused));
    assert.ok(Math.abs(extra.currentTime - players[0].currentTime) < FRAME_24);
  });

  test("when the lead leaves, the next longest clip leads on", () => {
    const { engine, time, players, clips } = theater([5, 3]);
    engine.play();
    time.run(1);
    engine.remove([clips[0]]);
    assert.equal(engine.lead(), clips[1]);
    time.run(1);
    assert.ok(engine.playing && engine.now() > 1.8, engine.now());
    assert.ok(engine.t <= 3);
    assert.ok(!players[1].paused);
  });
});

describe("dispose", () => {
  test("stops the loop, pauses every clip and drops every listener", () => {
    const { engine, time, players } = theater([3, 2]);
    ["state", "time", "rate", "loop", "members"].forEach((type) => engine.on(type, () => {}));
    let disposed = 0;
    engine.on("dispose", () => { disposed += 1; });
    engine.play();
    time.run(0.5);
    assert.ok(time.pending() > 0);
    engine.dispose();
    assert.equal(time.pending(), 0);
    assert.ok(players.every((p) => p.paused));
    assert.equal(engine.count(), 0);
    assert.equal(disposed, 1);
    engine.play();
    time.run(0.5);
    assert.ok(players.every((p) => p.paused));
    assert.equal(time.pending(), 0);
  });
});

describe("without video frame callbacks", () => {
  test("display frames drive the drift correction", () => {
    const { engine, time, clips } = theater([{ duration: 5 }, { duration: 5, skew: 1.03 }]);
    time.videoFrames = false;
    engine.play();
    time.run(1);
    const spreads = [];
    time.run(2, () => spreads.push(spread(clips, engine)));
    assert.ok(Math.max(...spreads) < FRAME_24, `spread ${Math.max(...spreads)}`);
  });
});

describe("the order players are asked for data", () => {
  test("the engine asks in the order the page gives: the clips in view first", () => {
    const time = new SimulatedTime();
    const players = [3, 3, 3].map((duration) => new SimulatedPlayer({ duration }));
    const asked = [];
    players.forEach((p, i) => {
      let preload = "none";
      Object.defineProperty(p, "preload", {
        get: () => preload,
        set: (value) => { if (value === "auto" && preload !== "auto") { asked.push(i); } preload = value; },
      });
    });
    const clips = players.map((p) => new Clip(p, { fps: 24, duration: p.length }));
    const inView = [clips[2]];
    const order = (all) => [...all.filter((c) => inView.includes(c)), ...all.filter((c) => !inView.includes(c))];
    const engine = new Engine({ scheduler: time.scheduler, order });
    time.players.push(...players);
    engine.add(clips);
    engine.play();
    assert.deepEqual(asked, [2, 0, 1]);
    engine.dispose();
  });
});
