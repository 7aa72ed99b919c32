# lit configuration for the Roast test suite.
import os
import shutil
import subprocess

import lit.formats
from lit.llvm import llvm_config

config.name = "Roast"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".roast", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "CMakeLists.txt", "Parse-scratch"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.roast_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%roast_src", config.roast_src_root))
config.substitutions.append(("%python", "python3"))


def find_cpython():
    """CPython 3.12 is the behavioural oracle (pyenv's 3.12.1 here); any
    python3 >= 3.8 prints the scalar programs of the tests identically."""
    for cmd in (["env", "PYENV_VERSION=3.12.1", "python3"], ["python3"]):
        try:
            out = subprocess.run(cmd + ["-c", "import sys; print(sys.version_info >= (3, 8))"],
                                 capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and out.stdout.strip() == "True":
            return " ".join(cmd)
    return None


if shutil.which("valgrind"):
    config.available_features.add("valgrind")

cpython = find_cpython()
if cpython:
    config.available_features.add("cpython")
    config.substitutions.append(("%cpython", cpython))

# The shared conformance corpus, beside the repository (scripts/test.sh runs
# it typed; conformance-untyped.test runs it with annotations stripped).
conformance_dir = os.environ.get(
    "ROAST_CONFORMANCE_DIR",
    os.path.join(config.roast_src_root, "..", "shared", "conformance"))
if os.path.isfile(os.path.join(conformance_dir, "run.sh")):
    config.available_features.add("conformance")
    config.substitutions.append(("%conformance_dir", os.path.abspath(conformance_dir)))

llvm_config.with_system_environment(["HOME", "TMPDIR", "PYENV_ROOT", "ROAST_CONFORMANCE_DIR"])
llvm_config.use_default_substitutions()

tool_dirs = [config.roast_tools_dir, config.llvm_tools_dir]
tools = ["roastc", "roast-opt", "mlir-translate", "roast-runtime-tests",
         "roast-runtime-print-floats"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.roast_tools_dir, append_path=True)

