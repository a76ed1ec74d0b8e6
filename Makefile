# Thin wrapper over CMake + Ninja, in the way neovim's top-level Makefile is:
# `make` builds, `make demo` runs the examples, `make test` runs every suite.
# Every target that builds first installs whatever Debian packages are missing.

BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= 2
CMAKE_FLAGS ?=

.PHONY: all deps configure build demo test bench install clean distclean

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

bench: build
	@bench/run.sh $(BUILD_DIR)

install: build
	cmake --install $(BUILD_DIR)

clean:
	-cmake --build $(BUILD_DIR) --target clean

distclean:
	rm -rf $(BUILD_DIR)
