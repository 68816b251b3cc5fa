-- wrk: walk a sequence of requests (bench/load.py writes both files).
--   BENCH_POOL      one request a line: method, path and body, separated by tabs; in a body,
--                   @NOW@ stands for the current UTC second (as the search API writes it)
--   BENCH_SEQUENCE  one request a line: its line number in the pool, from 1
--   BENCH_THREADS   wrk's -t: thread n of N starts n/N of the way into the sequence
-- done() prints one line "bench-wrk {json}" with exact percentiles and the error counts.
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

local function lines(path)
  local found = {}
  for line in io.lines(path) do
    table.insert(found, line)
  end
  return found
end

local pool, sequence, position = {}, {}, 0
local now_second, now_text = -1, ""

function init(args)
  for _, line in ipairs(lines(os.getenv("BENCH_POOL"))) do
    local method, path, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    local parts = {}
    for part in (body .. "@NOW@"):gmatch("(.-)@NOW@") do
      table.insert(parts, part)
    end
    table.insert(pool, {method = method, path = path, parts = parts})
  end
  for _, line in ipairs(lines(os.getenv("BENCH_SEQUENCE"))) do
    table.insert(sequence, tonumber(line))
  end
  position = math.floor(#sequence * thread_number / tonumber(os.getenv("BENCH_THREADS")))
end

local function now()
  local second = os.time()
  if second ~= now_second then
    now_second, now_text = second, os.date("!%Y-%m-%dT%H:%M:%SZ", second)
  end
  return now_text
end

function request()
  position = position % #sequence + 1
  local chosen = pool[sequence[position]]
  if #chosen.parts == 1 and chosen.parts[1] == "" then
    return wrk.format(chosen.method, chosen.path)
  end
  return wrk.format(chosen.method, chosen.path, {["Content-Type"] = "application/json"},
                    table.concat(chosen.parts, now()))
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'bench-wrk {"requests": %d, "duration_us": %d, "p50_us": %d, "p75_us": %d, ' ..
    '"p90_us": %d, "p95_us": %d, "p99_us": %d, "non_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(75),
    latency:percentile(90), latency:percentile(95), latency:percentile(99), errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
