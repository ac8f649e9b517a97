// Runs the peer query suite (shared/bench/queries.json) on Kuzu, timing every execution on
// its own (including fetching every row), and prints one JSON object on stdout:
//   {"engine": "kuzu", "load": {...}, "queries": {"Q1": {"times_ms": [...], "answers": ...}},
//    "algorithms": {"pagerank": {"times_ms": [...], "answer": [...]}, "wcc": {...}}}
// "answers" holds the rows of every binding of the first (warm-up) pass, in binding order.
// With --algos N (N > 0), PageRank (20 rounds, damping 0.85) and weakly connected components
// of the algo extension (statically linked into the npm package) run once untimed and N
// times timed over the whole graph, before the suite (whose Q11 changes the graph).
//
// Usage: node kuzu_suite.js --csv DIR --db DIR --queries FILE --params FILE [--algos N]
// DIR holds persons.csv (id:ID,name,age:INT,city) and knows.csv (:START_ID,:END_ID,since:INT)
// with a header line; the database folder must not exist yet.
const fs = require("fs");
const path = require("path");

function args() {
  const out = {};
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) out[a[i].replace(/^--/, "")] = a[i + 1];
  out.algos = Number(out.algos || 0);
  for (const k of ["csv", "db", "queries", "params"]) {
    if (!out[k]) throw new Error(`missing --${k}`);
  }
  return out;
}

// Placeholders become integer literals, as the suite's rules say, so both engines parse and
// plan every repetition.
function bind(text, values) {
  return text.replace(/\$(\w+)/g, (m, name) => {
    if (!(name in values)) throw new Error(`no value for $${name}`);
    return String(values[name]);
  });
}

function bindings(q, params, k) {
  switch (q.params) {
    case "start_ids": return params.start_ids.map((id) => ({ id }));
    case "pairs": return params.pairs.map(([src, dst]) => ({ src, dst }));
    case "none": return [{}];
    case "insert": return [{ base: 1000000000 + 1000 * k, salt: k, n: params.node_count }];
    default: throw new Error(`unknown params kind ${q.params}`);
  }
}

// Kuzu's page_rank does not spread the rank of sinks over the graph (its ranks do not sum to
// one), so its top ranks are reported but cannot equal the Graphalytics values; WCC is
// summarised as the number of components and the size of the largest.
const ALGORITHMS = {
  pagerank: "CALL page_rank('G', dampingFactor := 0.85, maxIterations := 20, tolerance := 0.0) " +
    "RETURN node.id AS id, rank AS score ORDER BY score DESC, id ASC LIMIT 5",
  wcc: "CALL weakly_connected_components('G') WITH group_id, count(*) AS size " +
    "RETURN count(*) AS components, max(size) AS largest",
};

async function algorithms(conn, reps) {
  await conn.query("CALL project_graph('G', ['Person'], ['KNOWS'])");
  const out = {};
  for (const [name, text] of Object.entries(ALGORITHMS)) {
    const times = [];
    let answer = null;
    for (let r = 0; r <= reps; r++) {
      const s = process.hrtime.bigint();
      const rows = await (await conn.query(text)).getAll();
      const e = process.hrtime.bigint();
      if (r === 0) answer = rows;
      else times.push(Number(e - s) / 1e6);
    }
    out[name] = { times_ms: times, answer };
  }
  await conn.query("CALL drop_projected_graph('G')");
  return out;
}

async function main() {
  const opt = args();
  const kuzu = require("kuzu");
  const suite = JSON.parse(fs.readFileSync(opt.queries, "utf8"));
  const params = JSON.parse(fs.readFileSync(opt.params, "utf8"));
  const db = new kuzu.Database(opt.db);
  const conn = new kuzu.Connection(db, 2);
  const t0 = process.hrtime.bigint();
  await conn.query("CREATE NODE TABLE Person(id INT64, name STRING, age INT64, city STRING, " +
    "PRIMARY KEY(id))");
  await conn.query("CREATE REL TABLE KNOWS(FROM Person TO Person, since INT64)");
  const t1 = process.hrtime.bigint();
  await conn.query(`COPY Person FROM '${path.join(opt.csv, "persons.csv")}' (header=true)`);
  const t2 = process.hrtime.bigint();
  await conn.query(`COPY KNOWS FROM '${path.join(opt.csv, "knows.csv")}' (header=true)`);
  const t3 = process.hrtime.bigint();
  const ms = (a, b) => Number(b - a) / 1e6;
  const out = {
    engine: "kuzu",
    load: { nodes_ms: ms(t1, t2), edges_ms: ms(t2, t3), total_ms: ms(t1, t3) },
    queries: {},
  };
  if (opt.algos > 0) {
    try {
      out.algorithms = await algorithms(conn, opt.algos);
    } catch (e) {
      out.algorithms_error = String(e.message || e);  // e.g. an extension it cannot load
    }
  }

  for (const q of suite.queries) {
    const times = [];
    const answers = [];
    let k = 0;
    const passes = q.warmup + q.reps;
    for (let pass = 0; pass < passes; pass++) {
      for (const b of bindings(q, params, k)) {
        const text = bind(q.kuzu, b);
        const s = process.hrtime.bigint();
        const r = await conn.query(text);
        const rows = await r.getAll();
        const e = process.hrtime.bigint();
        if (pass >= q.warmup) times.push(ms(s, e));
        if (pass === 0) answers.push(rows);
        k++;
      }
    }
    out.queries[q.id] = { times_ms: times, answers };
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  process.stderr.write(`kuzu_suite: ${e.stack || e}\n`);
  process.exit(1);
});
