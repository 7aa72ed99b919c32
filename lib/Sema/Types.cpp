//===- Types.cpp - Interning and printing of Roast types ------------------===//

#include "Roast/Sema/Types.h"

using namespace roast;
using namespace roast::sema;

std::string Type::str() const {
  switch (kind) {
  case Kind::Int:
    return "int";
  case Kind::Float:
    return "float";
  case Kind::Bool:
    return "bool";
  case Kind::None:
    return "None";
  case Kind::Str:
    return "str";
  case Kind::Error:
    return "<error>";
  case Kind::Function: {
    auto *fn = static_cast<const FunctionType *>(this);
    std::string s = "(";
    for (auto [i, param] : llvm::enumerate(fn->getParams()))
      s += (i ? ", " : "") + param->str();
    return s + ") -> " + fn->getResult()->str();
  }
  }
  llvm_unreachable("unknown type kind");
}

void FunctionType::profile(llvm::FoldingSetNodeID &id,
                           llvm::ArrayRef<const Type *> params,
                           const Type *result) {
  id.AddPointer(result);
  for (const Type *param : params)
    id.AddPointer(param);
}

TypeContext::TypeContext() = default;

const FunctionType *
TypeContext::getFunction(llvm::ArrayRef<const Type *> params,
                         const Type *result) {
  llvm::FoldingSetNodeID id;
  FunctionType::profile(id, params, result);
  void *insertPos = nullptr;
  if (FunctionType *existing = functionTypes.FindNodeOrInsertPos(id, insertPos))
    return existing;
  storage.push_back(std::unique_ptr<FunctionType>(
      new FunctionType(std::vector<const Type *>(params.begin(), params.end()),
                       result)));
  functionTypes.InsertNode(storage.back().get(), insertPos);
  return storage.back().get();
}
