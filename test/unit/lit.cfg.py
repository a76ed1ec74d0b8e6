# The GoogleTest binaries (built into <build>/test/unit) as a lit suite, so
# that one `lit` run reports unit, driver, device and e2e results together.
import os

import lit.formats

config.name = 'cuport-unit'
build_dir = os.path.abspath(lit_config.params.get('build_dir', 'build'))
config.test_source_root = os.path.join(build_dir, 'test', 'unit')
config.test_exec_root = config.test_source_root
config.test_format = lit.formats.GoogleTest('.', 'Tests')
config.environment['CUPORT_CACHE_DIR'] = os.path.join(build_dir, 'test', 'kernel-cache')
config.environment['HOME'] = os.environ.get('HOME', '/tmp')
