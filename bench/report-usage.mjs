// Preloaded into benchmarked processes: prints their peak resident memory and their CPU time
// (user and system, in microseconds) when they exit.
if (process.env.OPENCX_BENCH_USAGE === '1') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(
      `OPENCX_BENCH_MAXRSS=${usage.maxRSS}\nOPENCX_BENCH_CPU=${usage.userCPUTime},${usage.systemCPUTime}\n`,
    );
  });
}
