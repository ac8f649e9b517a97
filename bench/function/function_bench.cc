// Per-value costs of the function library: the work an expression, ORDER BY, DISTINCT or an
// aggregate does once per row.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_set>

#include "engine/function/aggregate.h"
#include "engine/function/arithmetic.h"
#include "engine/function/scalar.h"
#include "engine/function/semantics.h"
#include "engine/function/temporal.h"

namespace parley::function {
namespace {

// A mix of the kinds of values a property column holds.
List MixedValues(std::size_t n) {
  std::mt19937_64 rng(42);
  List out;
  for (std::size_t i = 0; i < n; ++i) {
    switch (rng() % 4) {
      case 0:
        out.emplace_back(static_cast<std::int64_t>(rng() % 100000));
        break;
      case 1:
        out.emplace_back(static_cast<double>(rng() % 100000) / 7.0);
        break;
      case 2:
        out.emplace_back("name-" + std::to_string(rng() % 100000));
        break;
      default:
        out.emplace_back(Date{static_cast<std::int64_t>(rng() % 40000)});
        break;
    }
  }
  return out;
}

void BM_OrderBySort(benchmark::State& state) {
  List values = MixedValues(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    List copy = values;
    std::sort(copy.begin(), copy.end(), OrderLess());
    benchmark::DoNotOptimize(copy.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_OrderBySort)->Arg(10000);

void BM_DistinctHashSet(benchmark::State& state) {
  List values = MixedValues(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::unordered_set<Value, ValueHash, ValueEquivalent> seen(values.begin(), values.end());
    benchmark::DoNotOptimize(seen.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_DistinctHashSet)->Arg(10000);

void BM_EqualsMixedNumbers(benchmark::State& state) {
  Value a(std::int64_t{123456}), b(123456.0);
  for (auto _ : state) benchmark::DoNotOptimize(Equals(a, b));
}
BENCHMARK(BM_EqualsMixedNumbers);

void BM_AddIntegers(benchmark::State& state) {
  Value a(std::int64_t{40}), b(std::int64_t{2});
  for (auto _ : state) benchmark::DoNotOptimize(Add(a, b));
}
BENCHMARK(BM_AddIntegers);

void BM_SumAggregate(benchmark::State& state) {
  List values;
  for (std::int64_t i = 0; i < 10000; ++i) values.emplace_back(i);
  for (auto _ : state) {
    auto agg = MakeAggregator("sum", false);
    for (const Value& v : values) agg->Add(std::span(&v, 1));
    benchmark::DoNotOptimize(agg->Finish());
  }
  state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_SumAggregate);

void BM_ParseDateTimeOffset(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseDateTime("2015-07-21T21:40:32.142+01:00"));
}
BENCHMARK(BM_ParseDateTimeOffset);

void BM_ParseDateTimeNamedZone(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(ParseDateTime("2015-07-21T21:40:32.142[Europe/Stockholm]"));
  }
}
BENCHMARK(BM_ParseDateTimeNamedZone);

void BM_DateTimeFromMap(benchmark::State& state) {
  const ScalarFunction* datetime = FindScalarFunction("datetime");
  Map fields = {{"year", Value(1984)}, {"month", Value(10)},
                {"day", Value(11)},    {"hour", Value(12)},
                {"minute", Value(31)}, {"timezone", Value("Europe/Stockholm")}};
  Value arg(fields);
  for (auto _ : state) benchmark::DoNotOptimize(datetime->fn(std::span(&arg, 1)));
}
BENCHMARK(BM_DateTimeFromMap);

void BM_DurationBetween(benchmark::State& state) {
  const ScalarFunction* between = FindScalarFunction("duration.between");
  const Value args[] = {Value(ParseDateTime("1984-10-11T12:00+01:00[Europe/Stockholm]")),
                        Value(ParseLocalDateTime("2016-07-21T21:45:22.142"))};
  for (auto _ : state) benchmark::DoNotOptimize(between->fn(std::span(args)));
}
BENCHMARK(BM_DurationBetween);

void BM_TemporalToString(benchmark::State& state) {
  DateTime t = ParseDateTime("2015-07-21T21:40:32.142+01:00[Europe/London]");
  for (auto _ : state) benchmark::DoNotOptimize(ToString(t));
}
BENCHMARK(BM_TemporalToString);

}  // namespace
}  // namespace parley::function

BENCHMARK_MAIN();
