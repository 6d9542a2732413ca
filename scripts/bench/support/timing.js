// Timing shared by the benches: the median of repeated runs, in milliseconds.

/** The median of `repeat` runs of `fn`, in ms. */
function timeMs(fn, repeat) {
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The median of `repeat` runs of an async `fn`, in ms, after one run not counted. */
async function timeMsAsync(fn, repeat) {
  await fn();
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

module.exports = { timeMs, timeMsAsync };
