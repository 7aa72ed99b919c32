//===- RoastToStandard.h - Patterns lowering roast to upstream -*- C++ -*-===//
//
// The pieces of convert-roast-to-standard, exposed so that later passes (and
// tests of single op groups) can reuse the type converter and patterns.
//
//===----------------------------------------------------------------------===//

#ifndef ROAST_CONVERSION_ROASTTOSTANDARD_ROASTTOSTANDARD_H
#define ROAST_CONVERSION_ROASTTOSTANDARD_ROASTTOSTANDARD_H

#include "mlir/Transforms/DialectConversion.h"

namespace roast {

class RuntimeABI;

/// Maps roast types to what the lowered code uses: every object reference
/// (`!roast.str`, `!roast.none`, `!roast.ref<T>`) is an `!llvm.ptr`, a
/// `tuple<...>` is a literal `!llvm.struct` of its converted elements, and
/// the builtin scalars i64, f64 and i1 stay as they are.
class RoastTypeConverter : public mlir::TypeConverter {
public:
  explicit RoastTypeConverter(mlir::MLIRContext *context);
};

/// roast.func / roast.call / roast.return -> func.func / func.call /
/// func.return, plus the type conversion of cf branches and arith.select
/// whose operands carry roast types.
void populateRoastFunctionPatterns(const mlir::TypeConverter &converter,
                                   RuntimeABI &abi,
                                   mlir::RewritePatternSet &patterns);

/// roast.check_raised, roast.catch and roast.throw: the exception edges
/// (docs/rationale/exceptions.md).
void populateRoastExceptionPatterns(const mlir::TypeConverter &converter,
                                    RuntimeABI &abi,
                                    mlir::RewritePatternSet &patterns);

/// Checked int arithmetic, division, shifts, float ops, comparisons and
/// casts.
void populateRoastArithmeticPatterns(const mlir::TypeConverter &converter,
                                     RuntimeABI &abi,
                                     mlir::RewritePatternSet &patterns);

/// Tuple construction and element access.
void populateRoastTuplePatterns(const mlir::TypeConverter &converter,
                                RuntimeABI &abi,
                                mlir::RewritePatternSet &patterns);

/// `T | None`: none, wrap, is_none and unwrap (Optionals.h's format).
void populateRoastOptionalPatterns(const mlir::TypeConverter &converter,
                                   mlir::RewritePatternSet &patterns);

/// Local slots left over after mem2reg, and module-level globals.
void populateRoastMemoryPatterns(const mlir::TypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);

/// Constants and built-ins backed by the runtime: strings, None, print,
/// raise and the stack guard.
void populateRoastRuntimePatterns(const mlir::TypeConverter &converter,
                                  RuntimeABI &abi,
                                  mlir::RewritePatternSet &patterns);

/// All of the above.
/// str ops, str conversions and comparisons: runtime calls.
void populateRoastStrPatterns(const mlir::TypeConverter &converter,
                              RuntimeABI &abi,
                              mlir::RewritePatternSet &patterns);

/// list ops: runtime calls on 8-byte slots; len() inline.
void populateRoastListPatterns(const mlir::TypeConverter &converter,
                               RuntimeABI &abi,
                               mlir::RewritePatternSet &patterns);

/// dict ops: runtime calls on key and value slots.
void populateRoastDictPatterns(const mlir::TypeConverter &converter,
                               RuntimeABI &abi,
                               mlir::RewritePatternSet &patterns);

/// set ops: runtime calls on element slots.
void populateRoastSetPatterns(const mlir::TypeConverter &converter,
                              RuntimeABI &abi,
                              mlir::RewritePatternSet &patterns);

/// Text file ops (open, methods, close, sys.stdout/stderr): runtime calls.
void populateRoastFilePatterns(const mlir::TypeConverter &converter,
                               RuntimeABI &abi,
                               mlir::RewritePatternSet &patterns);

/// roast.retain / roast.release: inline count updates.
void populateRoastRefCountPatterns(const mlir::TypeConverter &converter,
                                   RuntimeABI &abi,
                                   mlir::RewritePatternSet &patterns);

/// roast.inline_cache and the dynamic attribute and method ops that use
/// one: an inline class test in front of the runtime's _ic functions.
void populateRoastInlineCachePatterns(const mlir::TypeConverter &converter,
                                      RuntimeABI &abi,
                                      mlir::RewritePatternSet &patterns);

void populateRoastToStandardPatterns(const mlir::TypeConverter &converter,
                                     RuntimeABI &abi,
                                     mlir::RewritePatternSet &patterns);

} // namespace roast

#endif // ROAST_CONVERSION_ROASTTOSTANDARD_ROASTTOSTANDARD_H
