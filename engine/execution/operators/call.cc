#include <fmt/format.h>

#include "engine/algo/procedures.h"
#include "engine/binder/procedures.h"
#include "engine/execution/operators/operators.h"
#include "engine/function/semantics.h"

namespace parley::execution {
namespace {

// What an algorithm procedure sees of the statement: its transaction, cancellation and
// memory bound.
class AlgoContext final : public algo::RunContext {
 public:
  explicit AlgoContext(ExecContext* ctx) : ctx_(ctx) {}
  const storage::Txn& txn() const override { return *ctx_->txn; }
  void CheckInterrupt() override { ctx_->CheckInterrupt(); }
  void Charge(std::uint64_t bytes) override { ctx_->Charge(bytes); }
  void Release(std::uint64_t bytes) override { ctx_->Release(bytes); }
  void ReportProgress(std::string_view task, std::uint64_t done,
                      std::uint64_t total) override {
    if (ctx_->progress != nullptr) ctx_->progress->Post(task, done, total);
  }

 private:
  ExecContext* ctx_;
};

// CALL: the rows of a procedure whose input columns equal the arguments, in table order;
// yields the chosen output columns into their slots.
class CallOp final : public Operator {
 public:
  CallOp(ExecContext* ctx, const logical::Op& op, OperatorPtr child)
      : Operator(ctx), op_(op), child_(std::move(child)), eval_(ctx) {}

  void Reset(const Row* argument) override {
    child_->Reset(argument);
    next_ = 0;
    active_ = false;
  }

  bool Next(Row* row) override {
    const bound::Call& call = *op_.call;
    for (;;) {
      if (!active_) {
        if (!Pull(*child_, &in_)) return false;
        args_.clear();
        for (const auto& a : call.args) args_.push_back(eval_.Eval(*a, in_));
        if (call.builtin == bound::Call::Builtin::kAlgo) {
          RunAlgorithm();
        } else {
          Load();
        }
        next_ = 0;
        active_ = true;
      }
      if (void_) {  // a procedure without outputs passes each row through once
        active_ = false;
        *row = in_;
        return true;
      }
      while (next_ < table_.size()) {
        const std::vector<Value>& t = table_[next_++];
        if (!Matches(t)) continue;
        *row = in_;
        for (std::size_t i = 0; i < call.yield_slots.size(); ++i) {
          (*row)[call.yield_slots[i]] = t[inputs_ + call.yield_columns[i]];
        }
        return true;
      }
      active_ = false;
    }
  }

 private:
  bool Matches(const std::vector<Value>& t) const {
    for (std::size_t i = 0; i < args_.size() && i < inputs_; ++i) {
      if (args_[i].is_null() && t[i].is_null()) continue;
      if (function::Equals(args_[i], t[i]) != true) return false;
    }
    return true;
  }

  // An algorithm's rows depend on the arguments: computed again for every input row,
  // their memory held until the next one.
  void RunAlgorithm() {
    const algo::Procedure* p = algo::FindProcedure(op_.call->procedure);
    ctx_->Release(table_bytes_);
    table_bytes_ = 0;
    table_.clear();
    AlgoContext algo_ctx(ctx_);
    table_ = p->run(algo_ctx, args_);
    for (const std::vector<Value>& row : table_) {
      for (const Value& v : row) table_bytes_ += ApproxSize(v);
    }
    ctx_->Charge(table_bytes_);
    inputs_ = 0;
    args_.clear();  // rows hold outputs only: nothing to match
  }

  void Load() {
    if (!table_.empty() || loaded_) return;
    loaded_ = true;
    const bound::Call& call = *op_.call;
    storage::Txn& txn = *ctx_->txn;
    using B = bound::Call::Builtin;
    inputs_ = 0;
    switch (call.builtin) {
      case B::kLabels:
        for (LabelId l : txn.AllLabels()) {
          if (txn.LabelCount(l) > 0) table_.push_back({txn.LabelName(l)});
        }
        return;
      case B::kRelationshipTypes:
        for (RelTypeId t : txn.AllRelTypes()) {
          if (txn.RelTypeCount(t) > 0) table_.push_back({txn.RelTypeName(t)});
        }
        return;
      case B::kPropertyKeys:
        for (PropKeyId k : txn.AllPropKeys()) table_.push_back({txn.PropKeyName(k)});
        return;
      case B::kIndexes:
        for (const storage::IndexInfo& i : txn.Indexes()) {
          const std::string& label = txn.LabelName(i.label);
          const std::string& key = txn.PropKeyName(i.key);
          table_.push_back({i.name, label, List{key}});
        }
        return;
      case B::kProcedures: {
        std::vector<const TableProcedure*> all;
        for (const TableProcedure& p : binder::BuiltinProcedures()) all.push_back(&p);
        if (ctx_->procedures != nullptr) {
          for (const TableProcedure* p : ctx_->procedures->AllProcedures()) all.push_back(p);
        }
        for (const TableProcedure* p : all) {
          table_.push_back({p->name, binder::Signature(*p), std::string()});
        }
        for (const algo::Procedure& p : algo::Procedures()) {
          table_.push_back({p.signature.name, algo::SignatureText(p), p.description});
        }
        return;
      }
      case B::kAlgo:
      case B::kNone: break;
    }
    const TableProcedure* p =
        ctx_->procedures != nullptr ? ctx_->procedures->FindProcedure(call.procedure) : nullptr;
    if (p == nullptr) {
      throw Error(ErrorKind::kProcedureError, "ProcedureNotFound",
                  fmt::format("there is no procedure `{}`", call.procedure));
    }
    inputs_ = p->inputs.size();
    void_ = p->outputs.empty();
    table_ = p->rows;
  }

  const logical::Op& op_;
  OperatorPtr child_;
  Evaluator eval_;
  Row in_;
  std::vector<Value> args_;
  std::vector<std::vector<Value>> table_;
  std::size_t inputs_ = 0;
  std::size_t next_ = 0;
  bool active_ = false;
  bool loaded_ = false;
  bool void_ = false;
  std::uint64_t table_bytes_ = 0;  // charged for an algorithm's rows
};

}  // namespace

OperatorPtr MakeCall(ExecContext* ctx, const logical::Op& op, OperatorPtr child) {
  return std::make_unique<CallOp>(ctx, op, std::move(child));
}

}  // namespace parley::execution
