-- wrk script: prints p50/p95/p99 latency in milliseconds (wrk --latency prints 50/75/90/99 only).
done = function(summary, latency, requests)
  io.write(string.format("PERCENTILES p50=%.2fms p95=%.2fms p99=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
