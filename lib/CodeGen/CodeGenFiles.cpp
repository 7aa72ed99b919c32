//===- CodeGenFiles.cpp - open(), file methods and with statements --------===//
//
// Files are `!roast.file` objects (docs/rationale/files.md). A `with`
// statement holds its own reference to each file and closes and releases
// it in a finally block (emitTryFinally), so the body may leave by falling
// through, return, break, continue or an exception.
//
//===----------------------------------------------------------------------===//

#include "CodeGenImpl.h"

using namespace mlir;
using namespace roast;
using namespace roast::codegen;

Value Generator::emitStrArgument(ast::Expr &expr) {
  return expr.type->isAny() ? emitExprAs(expr, program.types.getStr())
                            : emitOperand(expr);
}

/// open(path[, mode], encoding=...): the encoding is UTF-8 (Sema checked a
/// literal), so only the path and the mode reach the op.
Value Generator::emitOpen(ast::CallExpr &call) {
  Location l = loc(call.getLoc());
  Value path = emitStrArgument(*call.args[0]);
  ast::Expr *modeExpr = call.args.size() > 1 ? call.args[1].get() : nullptr;
  for (ast::Keyword &keyword : call.keywords)
    if (keyword.name == "mode")
      modeExpr = keyword.value.get();
  Value mode = modeExpr
                   ? emitStrArgument(*modeExpr)
                   : StringOp::create(builder, l, builder.getStringAttr("r"))
                         .getResult();
  return FileOpenOp::create(builder, l, path, mode);
}

Value Generator::emitFileMethodCall(ast::CallExpr &call,
                                    ast::AttributeExpr &callee) {
  Location l = loc(call.getLoc());
  Value file = emitOperand(*callee.value);
  if (callee.attr == "close") {
    FileCloseOp::create(builder, l, file);
    return noneValue(l);
  }
  SmallVector<Value, 2> operands = {file};
  for (ast::ExprPtr &arg : call.args) // write's str
    operands.push_back(emitStrArgument(*arg));
  return FileMethodOp::create(builder, l, convertType(call.type),
                              *symbolizeFileMethod(callee.attr), operands);
}

void Generator::emitFileLoop(
    ast::Expr &fileExpr, bool enumerate, Value start, Location l,
    function_ref<void(Value, const sema::Type *)> assign,
    function_ref<void(Block *, Block *)> emitBody, ast::Block &orElse) {
  const sema::Type *strType = program.types.getStr();
  Value file = emitExpr(fileExpr); // lives until the statement ends
  Value counter = enumerate ? newEnumerateCounter(l) : Value();
  Block *header = new Block(), *body = new Block(), *latch = new Block(),
        *exit = new Block(), *atEnd = new Block();
  Block *elseBlock = orElse.empty() ? exit : new Block();
  cf::BranchOp::create(builder, l, header);

  startBlock(header);
  Value line = FileMethodOp::create(builder, l, StrType::get(&context),
                                    FileMethod::readline, ValueRange{file});
  cf::CondBranchOp::create(builder, l, truthValue(line, strType, l), body,
                           atEnd);
  startBlock(atEnd); // "": the end of the file
  ReleaseOp::create(builder, l, line);
  cf::BranchOp::create(builder, l, elseBlock);

  startBlock(body);
  pushTemps();
  track(line, strType);
  Value value = line;
  const sema::Type *valueType = strType;
  if (enumerate)
    pairWithIndex(counter, start, value, valueType, l);
  assign(value, valueType);
  popTemps();
  emitBody(exit, latch);

  startBlock(latch);
  if (enumerate)
    advanceCounter(counter, l);
  cf::BranchOp::create(builder, l, header);
  if (elseBlock != exit)
    emitBlockThenBranch(elseBlock, orElse, exit, l);
  startBlock(exit);
}

void Generator::emitWith(ast::WithStmt &stmt, size_t index) {
  if (index == stmt.items.size()) {
    emitBlock(stmt.body);
    return;
  }
  ast::WithItem &item = stmt.items[index];
  Location l = loc(item.loc);
  const sema::Type *type = item.context->type;
  // The statement's own reference, untracked: the finally code releases
  // it on every way out. The expression's other temporaries die now, as
  // a jump out of a loop body would skip the releases at the statement's
  // end. `as f` takes another reference.
  pushTemps();
  Value file = emitExpr(*item.context);
  consume(file, type);
  popTemps();
  if (item.target)
    assignTo(*item.target, file, type, l);
  emitTryFinally([&] { emitWith(stmt, index + 1); },
                 [this, file, l] {
                   FileCloseOp::create(builder, l, file);
                   ReleaseOp::create(builder, l, file);
                 },
                 l);
}
