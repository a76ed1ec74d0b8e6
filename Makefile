# Thin wrapper over CMake + Ninja, in the way neovim's top-level Makefile is:
# `make` builds, `make demo` runs the examples, `make test` runs every suite.
# Every target that builds first installs whatever Debian packages are missing.

BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= 2
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo test test-asan test-tsan test-fuzz bench install clean distclean

all: build

deps:
	@tools/setup/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@tools/demo/run-examples.sh $(BUILD_DIR)

test: build
	@test/run-tests.sh $(BUILD_DIR)

# The runtime's unit tests (libcudart, the OpenCL target, the 8x4-thread
# stress test) built with AddressSanitizer and UndefinedBehaviorSanitizer
# (fatal) in their own build directory.
# Leak checking is off: PoCL and the OpenCL ICD loader keep process-lifetime
# allocations that LeakSanitizer reports as leaks; cuport's own device
# memory leaks are checked by RuntimeStressTests (cudaMemGetInfo).
ASAN_BUILD_DIR ?= build-asan
ASAN_TESTS = RuntimeCoverageTests RuntimeApiTests RuntimeStressTests RuntimeOpenCLTests \
             TargetConformanceTests RuntimeExecutionTests RuntimeMemory2DTests
test-asan: deps
	cmake -S . -B $(ASAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DCUPORT_SANITIZE=address,undefined $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS) --target $(ASAN_TESTS)
	@set -e; for t in $(ASAN_TESTS); do \
	  echo "== $$t (AddressSanitizer, UndefinedBehaviorSanitizer)"; \
	  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
	  CUPORT_CACHE_DIR=$(CURDIR)/$(ASAN_BUILD_DIR)/test/kernel-cache \
	  $(ASAN_BUILD_DIR)/test/unit/$$t --gtest_brief=1; done

# The multi-threaded stress test (8 threads x 4 streams) and the runtime API
# tests with ThreadSanitizer, in their own build directory: libcudart and
# the OpenCL target are instrumented; PoCL and the ICD loader are not, and
# test/tsan.supp names only their modules (never cuport's code). Any report
# fails the run (ThreadSanitizer's exit status 66).
TSAN_BUILD_DIR ?= build-tsan
TSAN_TESTS = RuntimeStressTests RuntimeApiTests
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DCUPORT_SANITIZE=thread $(CMAKE_FLAGS)
	cmake --build $(TSAN_BUILD_DIR) -j $(JOBS) --target $(TSAN_TESTS)
	@set -e; for t in $(TSAN_TESTS); do \
	  echo "== $$t (ThreadSanitizer)"; \
	  TSAN_OPTIONS="suppressions=$(CURDIR)/test/tsan.supp $$TSAN_OPTIONS" \
	  CUPORT_CACHE_DIR=$(CURDIR)/$(TSAN_BUILD_DIR)/test/kernel-cache \
	  $(TSAN_BUILD_DIR)/test/unit/$$t --gtest_brief=1; done

# Each libFuzzer target for FUZZ_SECONDS from its seed corpus (new inputs go
# to a scratch folder, not into the repository).
FUZZ_SECONDS ?= 60
FUZZERS = FatBinary:fatbin NvccOptions:nvcc-options Registration:registration
test-fuzz: build
	@set -e; for pair in $(FUZZERS); do \
	  f=$${pair%%:*}; seeds=test/fuzz/corpus/$${pair#*:}; \
	  scratch=$$(mktemp -d); \
	  echo "fuzzing $$f for $(FUZZ_SECONDS) s"; \
	  $(BUILD_DIR)/test/fuzz/$${f}Fuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=10 $$scratch $$seeds; \
	  rm -rf $$scratch; \
	done

bench: build
	@bench/run.sh $(BUILD_DIR)

install: build
	cmake --install $(BUILD_DIR)

clean:
	-cmake --build $(BUILD_DIR) --target clean

distclean:
	rm -rf $(BUILD_DIR)
