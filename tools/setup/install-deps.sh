#!/usr/bin/env bash
# Installs the Debian 12 packages cuport builds and tests with, and only those
# that are missing. Idempotent: a second run installs nothing and exits 0.
# Every dependency comes from Debian's archive; nothing is downloaded elsewhere.
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build ccache g++ make python3 pkg-config
  # LLVM/Clang 15 and the SPIR-V translator
  clang-15 llvm-15-dev libclang-15-dev libclang-cpp15-dev llvm-15-tools
  llvm-spirv-15 libllvmspirvlib-15-dev spirv-tools libzstd-dev lld-15
  # OpenCL: PoCL on the CPU is the default target
  pocl-opencl-icd ocl-icd-opencl-dev opencl-headers ocl-icd-libopencl1 clinfo
  # HIP (ROCm) target: compile-time and dlopen-time only
  hipcc libamdhip64-dev rocm-device-libs
  # tests
  googletest libgtest-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
