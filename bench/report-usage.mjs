// Preloaded into benchmarked processes: prints their peak resident memory when they exit.
if (process.env.OPENCX_BENCH_USAGE === '1') {
  process.on('exit', () => {
    process.stderr.write(`OPENCX_BENCH_MAXRSS=${process.resourceUsage().maxRSS}\n`);
  });
}
