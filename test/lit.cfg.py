# lit configuration for the Roast test suite.
import os
import shutil

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
config.substitutions.append(
    ("%cpython", "env PYENV_VERSION=3.12.1 python3"))

llvm_config.with_system_environment(["HOME", "TMPDIR", "PYENV_ROOT"])
llvm_config.use_default_substitutions()

tool_dirs = [config.roast_tools_dir, config.llvm_tools_dir]
tools = ["roastc", "roast-opt", "mlir-translate", "roast-runtime-tests",
         "roast-runtime-print-floats"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.roast_tools_dir, append_path=True)

# CPython 3.12 is the behavioural oracle; differential tests need it.
if shutil.which("python3") and os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv")):
    config.available_features.add("cpython")
