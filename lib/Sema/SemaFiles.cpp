//===- SemaFiles.cpp - open(), file methods and the with statement --------===//
//
// Files are text files (CPython's TextIOWrapper): open(path, mode) with the
// modes r, w, a and x, read/readline/readlines/write/close, iteration over
// the lines, and `with` statements that close them (docs/rationale/files.md).
//
//===----------------------------------------------------------------------===//

#include "SemaImpl.h"

using namespace roast;
using namespace roast::ast;
using namespace roast::sema;

/// open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None): the path and mode, and an
/// encoding that is UTF-8 (the only one Roast reads and writes).
const Type *Checker::checkOpen(CallExpr &call) {
  bool ok = true;
  Expr *mode = call.args.size() > 1 ? call.args[1].get() : nullptr;
  for (Keyword &keyword : call.keywords) {
    const Type *type = checkExpr(*keyword.value);
    if (keyword.name == "mode" && !mode) {
      mode = keyword.value.get();
    } else if (keyword.name == "encoding") {
      auto *literal = llvm::dyn_cast<StrLitExpr>(keyword.value.get());
      std::string name = literal ? llvm::StringRef(literal->value).lower() : "";
      if (!type->isError() && !type->isNone() && name != "utf-8" &&
          name != "utf8") {
        unsupported(keyword.value->getLoc(),
                    "encodings other than \"utf-8\" in open()");
        ok = false;
      }
    } else if (llvm::is_contained({"buffering", "errors", "newline", "closefd",
                                   "opener", "file"},
                                  keyword.name)) {
      unsupported(keyword.loc, keyword.name + "= arguments of open()");
      ok = false;
    } else {
      diags.error(keyword.loc, "'" + keyword.name +
                                   "' is an invalid keyword argument for "
                                   "open()");
      ok = false;
    }
  }
  std::vector<Keyword> keywords = std::move(call.keywords);
  call.keywords.clear();
  bool counted = checkArgCount(call, "open", 1, 2);
  call.keywords = std::move(keywords);
  if (!counted)
    return types.getError();
  const Type *path = checkExpr(*call.args[0]);
  if (path->isInt() || path->isBool()) {
    unsupported(call.args[0]->getLoc(),
                "file descriptors as open() arguments");
    ok = false;
  } else if (!path->isStr() && !path->isAny() && !path->isError()) {
    diags.error(call.args[0]->getLoc(),
                "expected str, bytes or os.PathLike object, not " +
                    path->str());
    ok = false;
  }
  if (mode) {
    const Type *type = mode == call.args.back().get() && call.args.size() > 1
                           ? checkExpr(*mode)
                           : mode->type;
    if (!type->isStr() && !type->isAny() && !type->isError()) {
      diags.error(mode->getLoc(),
                  "open() argument 'mode' must be str, not " + type->str());
      ok = false;
    } else if (auto *literal = llvm::dyn_cast<StrLitExpr>(mode)) {
      // A bad mode is CPython's ValueError at run time; binary and update
      // modes are valid Python that Roast does not support yet.
      llvm::StringRef text = literal->value;
      if (text.contains('b') && !text.contains('t')) {
        unsupported(mode->getLoc(), "binary files (mode '" + text + "')");
        ok = false;
      } else if (text.contains('+') && !text.contains('b')) {
        unsupported(mode->getLoc(), "files open for update (mode '" + text +
                                        "')");
        ok = false;
      }
    }
  }
  return ok ? types.getFile() : types.getError();
}

const Type *Checker::checkFileMethodCall(CallExpr &call,
                                         AttributeExpr &callee) {
  const Type *str = types.getStr(), *none = types.getNone();
  const MethodSignature methods[] = {
      {"read", {}, 0, str},
      {"readline", {}, 0, str},
      {"readlines", {}, 0, types.getList(str)},
      {"write", {str}, 1, types.getInt()},
      {"close", {}, 0, none},
  };
  const MethodSignature *sig =
      findMethod(call, callee, "_io.TextIOWrapper", methods);
  if (!sig)
    return types.getError();
  if (sig->name.starts_with("read") && !call.args.empty()) {
    for (ExprPtr &arg : call.args)
      checkExpr(*arg);
    unsupported(call.args[0]->getLoc(),
                "size arguments of " + sig->name + "()");
    return types.getError();
  }
  if (!checkMethodArgs(call, sig->name, sig->params, sig->required))
    return types.getError();
  return sig->result;
}

/// `with a as x, b:`: each item is a file (closed when the body exits),
/// bound to its target if it has one.
void Checker::checkWith(WithStmt &stmt) {
  for (WithItem &item : stmt.items) {
    const Type *type = checkExpr(*item.context);
    if (type->isError()) {
      if (item.target)
        assignTo(*item.target, type, item.target->getLoc());
      continue;
    }
    if (!type->isFile()) {
      auto *cls = llvm::dyn_cast<ClassType>(type);
      if (cls && (cls->getInfo()->findMethod("__enter__") ||
                  cls->getInfo()->findMethod("__exit__")))
        unsupported(item.context->getLoc(),
                    "with statements over class instances (__enter__ and "
                    "__exit__)");
      else
        diags.error(item.context->getLoc(),
                    "'" + type->str() +
                        "' object does not support the context manager "
                        "protocol");
      type = types.getError();
    }
    if (item.target) {
      if (!llvm::isa<NameExpr>(item.target.get())) {
        unsupported(item.target->getLoc(),
                    "with targets other than names");
        continue;
      }
      assignTo(*item.target, type, item.target->getLoc());
    }
  }
  checkBlock(stmt.body);
}
