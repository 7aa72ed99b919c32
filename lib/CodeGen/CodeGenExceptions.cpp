//===- CodeGenExceptions.cpp - try, except, finally and raise -------------===//
//
// Exceptions are checked returns (docs/rationale/exceptions.md). Inside a
// try body every op that may raise is followed by roast.check_raised
// naming the handler (RaiseRouter does that as ops are built), and raising
// terminators take the handler as their unwind successor; outside one, an
// exception leaves the function. A handler block starts with roast.catch
// and tests the except clauses in order; finally bodies are emitted once
// per way out of the try (fall through, exception, return, break,
// continue).
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

using namespace mlir;
using namespace roast;
using namespace roast::codegen;
using sema::ClassInfo;
using sema::Symbol;

void Generator::RaiseRouter::notifyOperationInserted(
    Operation *op, OpBuilder::InsertPoint) {
  Block *handler = generator.currentHandler();
  if (!handler || !mayRaise(op))
    return;
  // CodeGen appends: the op ends its block, which now ends in the check.
  Block *block = op->getBlock();
  if (&block->back() != op)
    return;
  OpBuilder &builder = generator.builder;
  Location l = op->getLoc();
  Block *next = new Block();
  next->insertAfter(block);
  // The temporaries alive here die with the exception: a landing block
  // releases them on the way to the handler.
  SmallVector<Value> live = generator.tempsAbove(generator.handlerTemps.back());
  // The landing block is the check's own even with nothing to release:
  // its branch is where mem2reg passes the handler the variables' values
  // (roast.check_raised takes no successor operands).
  Block *landing = new Block();
  landing->insertAfter(next);
  builder.setInsertionPointToStart(landing);
  for (Value temp : llvm::reverse(live))
    ReleaseOp::create(builder, l, temp);
  cf::BranchOp::create(builder, l, handler);
  builder.setInsertionPointToEnd(block);
  CheckRaisedOp::create(builder, l, landing, next);
  builder.setInsertionPointToStart(next);
}

SmallVector<Value> Generator::tempsAbove(size_t depth) const {
  SmallVector<Value> live;
  for (size_t i = depth; i < temps.size(); ++i)
    llvm::append_range(live, temps[i]);
  return live;
}

void Generator::pushHandler(Block *handler) {
  handlers.push_back(handler);
  handlerTemps.push_back(temps.size());
}

void Generator::popHandler() {
  handlers.pop_back();
  handlerTemps.pop_back();
}

Block *Generator::currentHandler() const {
  return handlers.empty() ? nullptr : handlers.back();
}

Block *Generator::unwindLanding(Location l) {
  if (handlers.empty() || !handlers.back())
    return nullptr;
  // A block of the raise's own that branches to the handler, for the same
  // reason as the landing blocks of roast.check_raised.
  Block *landing = new Block();
  landing->insertAfter(builder.getInsertionBlock());
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(landing);
  cf::BranchOp::create(builder, l, handlers.back());
  return landing;
}

void Generator::emitBuiltinRaise(ExceptionKind kind, StringRef message,
                                 Value text, Location l) {
  releaseTempsLeftByRaise(l);
  Block *landing = unwindLanding(l);
  RaiseOp::create(builder, l, kind, message, text,
                  landing ? BlockRange(landing) : BlockRange());
}

void Generator::emitThrow(Value exception, const sema::Type *type,
                          Location l, bool reraise) {
  // The exception's reference goes to the runtime; the temporaries of the
  // scopes the raise leaves die here.
  consume(exception, type);
  releaseTempsLeftByRaise(l);
  // Only the raise statement's own scope ends here; the enclosing ones
  // still release their temporaries on their other paths.
  temps.back().clear();
  Block *landing = unwindLanding(l);
  ThrowOp::create(builder, l, exception, reraise,
                  landing ? BlockRange(landing) : BlockRange());
}

void Generator::releaseTempsLeftByRaise(Location l) {
  size_t depth = handlerTemps.empty() ? 0 : handlerTemps.back();
  SmallVector<Value> live = tempsAbove(depth);
  for (Value temp : llvm::reverse(live))
    ReleaseOp::create(builder, l, temp);
}

void Generator::emitRaise(ast::RaiseStmt &stmt) {
  Location l = loc(stmt.getLoc());
  if (!stmt.exc) { // re-raise the exception being handled: its clause's
    Value exception = caught.back(); // reference goes to the runtime
    emitThrow(exception, exceptionType(), l, /*reraise=*/true);
    return;
  }
  if (stmt.cause) // `from cause`: evaluated for its effects only
    emitExpr(*stmt.cause);
  Value exception;
  Symbol *sym = ast::getReferencedSymbol(*stmt.exc);
  if (sym && sym->kind == Symbol::Kind::Class) {
    // `raise ValueError`: a new instance with no message.
    ClassInfo &info = *sym->classInfo;
    ast::CallExpr call(stmt.exc->getLoc(), nullptr, {}, {});
    call.type = info.type;
    exception = emitConstruction(call, info);
    track(exception, info.type);
    emitThrow(exception, info.type, l);
    return;
  }
  exception = emitExpr(*stmt.exc);
  emitThrow(exception, stmt.exc->type, l);
}

const sema::Type *Generator::exceptionType() {
  return program.classes.front()->type; // BaseException
}

void Generator::emitTry(ast::TryStmt &stmt) {
  if (stmt.finalBody.empty()) {
    emitTryExcept(stmt);
    return;
  }
  emitTryFinally(
      [&] {
        if (stmt.handlers.empty())
          emitBlock(stmt.body);
        else
          emitTryExcept(stmt);
      },
      [this, &stmt] { emitBlock(stmt.finalBody); }, loc(stmt.getLoc()));
}

void Generator::emitTryFinally(function_ref<void()> emitBody,
                               std::function<void()> emitFinally, Location l) {
  Block *onException = new Block(), *after = new Block();
  finallies.push_back({emitFinally, loops.size(), handlers, handlerTemps});
  pushHandler(onException);
  emitBody();
  popHandler();
  finallies.pop_back();
  if (!isTerminated()) {
    emitFinally();
    if (!isTerminated())
      cf::BranchOp::create(builder, l, after);
  }
  // An exception from the body or a clause: run the finally body, then
  // raise it again.
  startBlock(onException);
  Value exception =
      CatchOp::create(builder, l, convertType(exceptionType()));
  pushTemps(); // the exception, owned while the finally body runs
  temps.back().push_back(exception);
  emitFinally();
  if (!isTerminated())
    emitThrow(exception, exceptionType(), l, /*reraise=*/true);
  popTemps();
  startBlock(after);
}

void Generator::emitTryExcept(ast::TryStmt &stmt) {
  Location l = loc(stmt.getLoc());
  Block *handler = new Block(), *after = new Block();
  pushHandler(handler);
  emitBlock(stmt.body);
  popHandler();
  if (!isTerminated()) {
    emitBlock(stmt.orElse);
    if (!isTerminated())
      cf::BranchOp::create(builder, l, after);
  }

  startBlock(handler);
  Value exception =
      CatchOp::create(builder, l, convertType(exceptionType()));
  auto *base = llvm::cast<sema::ClassType>(exceptionType());
  for (ast::ExceptHandler &clause : stmt.handlers) {
    Location cl = loc(clause.loc);
    Block *body = new Block(), *next = new Block();
    Value matches = clause.type ? emitExceptMatch(exception, *clause.type, cl)
                                : boolConstant(true, cl);
    cf::CondBranchOp::create(builder, cl, matches, body, next);
    startBlock(body);
    if (clause.symbol) { // the variable takes its own reference
      auto *type = llvm::cast<sema::ClassType>(clause.symbol->type);
      Value bound = exception;
      if (type != base)
        bound = DowncastOp::create(builder, cl,
                                   objectType(*type->getInfo()), exception);
      storeTo(clause.symbol, bound, type, cl);
    }
    // The clause owns the exception: released when it ends, handed on by
    // a bare `raise`.
    pushTemps();
    temps.back().push_back(exception);
    caught.push_back(exception);
    emitBlock(clause.body);
    caught.pop_back();
    popTemps();
    if (!isTerminated())
      cf::BranchOp::create(builder, cl, after);
    startBlock(next);
  }
  // No clause matched: the exception goes on.
  pushTemps();
  temps.back().push_back(exception);
  emitThrow(exception, exceptionType(), l, /*reraise=*/true);
  popTemps();
  startBlock(after);
}

Value Generator::emitExceptMatch(Value exception, ast::Expr &classes,
                                 Location l) {
  SmallVector<ast::Expr *> names;
  if (auto *tuple = llvm::dyn_cast<ast::TupleExpr>(&classes))
    for (ast::ExprPtr &element : tuple->elts)
      names.push_back(element.get());
  else
    names.push_back(&classes);
  Value result;
  for (ast::Expr *name : names) {
    ClassInfo &info = *ast::getReferencedSymbol(*name)->classInfo;
    Value test = IsInstanceOp::create(builder, l, exception, classSymbol(info));
    result = result ? arith::OrIOp::create(builder, l, result, test) : test;
  }
  return result;
}

void Generator::emitFinalliesBefore(size_t loopDepth, Location l) {
  // Innermost first; each body runs with the handlers around its try.
  SmallVector<Block *> saved = handlers;
  SmallVector<size_t> savedTemps = handlerTemps;
  SmallVector<FinallyScope> savedFinallies = finallies;
  while (!finallies.empty() && finallies.back().loopDepth >= loopDepth) {
    FinallyScope scope = finallies.pop_back_val();
    handlers = scope.handlers;
    handlerTemps = scope.handlerTemps;
    scope.emit();
    if (isTerminated())
      break;
  }
  handlers = saved;
  handlerTemps = savedTemps;
  finallies = savedFinallies;
}

void Generator::beginFrameCleanup() {
  // Every function handles the exceptions that would leave it: the handler
  // releases its references and raises again, and the landings on the way
  // release the temporaries live at the raise. Canonicalization removes the
  // handlers left with nothing to do.
  frameCleanup = new Block();
  pushHandler(frameCleanup);
}

void Generator::endFrameCleanup(Location l,
                                llvm::function_ref<void()> releaseMore) {
  if (!frameCleanup)
    return;
  popHandler();
  if (frameCleanup->use_empty()) {
    delete frameCleanup;
  } else {
    startBlock(frameCleanup);
    Value exception =
        CatchOp::create(builder, l, convertType(exceptionType()));
    releaseLocals(l);
    if (releaseMore)
      releaseMore();
    ThrowOp::create(builder, l, exception, /*reraise=*/true, BlockRange());
  }
  frameCleanup = nullptr;
}
