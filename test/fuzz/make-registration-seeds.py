#!/usr/bin/env python3
"""Writes the seed corpus of RegistrationFuzzer (corpus/registration/).

Each seed wraps real cuport-cc containers (corpus/fatbin/, and printf.fatbin
from a kernel that calls printf) in the input layout RegistrationFuzzer.cpp
describes, with the registrations Clang's module constructor would make for
them followed by runtime calls that use them. Run it again after the layout
changes: python3 test/fuzz/make-registration-seeds.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
FATBINS = os.path.join(HERE, 'corpus', 'fatbin')
OUT = os.path.join(HERE, 'corpus', 'registration')

# Wrapper kinds and opcodes, as in RegistrationFuzzer.cpp.
CLANG, BAD_MAGIC, NULL_DATA, NVIDIA = range(4)
(REG_FUNCTION, REG_VAR, LAUNCH, TO_SYMBOL, FROM_SYMBOL, SYMBOL_ADDRESS, UNREGISTER,
 REG_END, RESET) = range(9)
UNREGISTERED = 8  # the stub and variable index that is never registered


def fatbin(name):
    with open(os.path.join(FATBINS, name), 'rb') as f:
        return f.read()


def name(s):
    b = s.encode()
    return bytes([len(b)]) + b


def seed(containers, ops, reset_first=False):
    out = bytes([(len(containers) - 1) | (0x80 if reset_first else 0)])
    for kind, data in containers:
        out += bytes([kind]) + struct.pack('<H', len(data)) + data
    return out + b''.join(ops)


def reg_function(stub, handle, device_name):
    return bytes([REG_FUNCTION, stub, handle]) + name(device_name)


def reg_var(var, handle, size, device_name, constant=0):
    return bytes([REG_VAR, var, handle, size, constant]) + name(device_name)


def launch(stub, grid=1, block=1, shared=None):
    # Block is (byte % 8) * 64 threads; shared: None, or a power of two.
    return bytes([LAUNCH, stub, grid, block]) + (
        bytes([1]) if shared is None else bytes([0, shared]))


def to_symbol(var, count, offset=0, kind=1):
    return bytes([TO_SYMBOL, var, count, offset, kind])


def from_symbol(var, count, offset=0, kind=2):
    return bytes([FROM_SYMBOL, var, count, offset, kind])


def symbol_address(var):
    return bytes([SYMBOL_ADDRESS, var])


def main():
    os.makedirs(OUT, exist_ok=True)
    kernel, globs, rdc = fatbin('kernel.fatbin'), fatbin('globals.fatbin'), fatbin('rdc.fatbin')
    printf = fatbin('printf.fatbin')
    # Regression: a __cuport_printf_buffer too small for the buffer's address
    # (libcudart wrote 8 bytes into it, past the globals block).
    short_slot = bytearray(printf)
    at = short_slot.rfind(b'__cuport_printf_buffer')  # its symbol record's name
    struct.pack_into('<QQ', short_slot, at - 16, 1, 25)  # Size 1, Offset 25 of 26
    seeds = {
        'kernel': seed([(CLANG, kernel)], [
            reg_function(0, 0, '_Z5scalePffi'), bytes([REG_END, 0]),
            launch(0, 2, 1), launch(0, 1, 0), launch(0, 1, 1, shared=19),
            launch(UNREGISTERED), symbol_address(UNREGISTERED)]),
        'globals': seed([(CLANG, globs)], [
            reg_function(0, 0, '_Z4bumpi'), reg_function(1, 0, '_Z11readCounterPy'),
            reg_function(2, 0, '_Z5applyPfi'),
            reg_var(0, 0, 8, 'counter'), reg_var(1, 0, 24, 'params', constant=1),
            reg_var(2, 0, 64, 'table'), reg_var(3, 0, 32, 'weights', constant=1),
            reg_var(4, 0, 4, 'missing'),
            to_symbol(0, 8), to_symbol(2, 32, 32), to_symbol(3, 33), from_symbol(1, 24),
            from_symbol(0, 8, kind=1), symbol_address(2), symbol_address(4),
            launch(0), launch(1, 3, 2), launch(2), bytes([RESET]), launch(2),
            symbol_address(3)]),
        'unregister-early': seed([(CLANG, globs), (CLANG, kernel)], [
            reg_function(0, 0, '_Z4bumpi'), reg_var(0, 0, 8, 'counter'),
            reg_function(1, 1, '_Z5scalePffi'), launch(0), to_symbol(0, 8),
            bytes([UNREGISTER, 0]), launch(0), to_symbol(0, 8), launch(1),
            bytes([UNREGISTER, 0]), reg_function(2, 0, '_Z4bumpi'), launch(2)]),
        'rdc': seed([(CLANG, rdc), (CLANG, globs)], [
            reg_function(0, 0, '_Z4bumpi'), reg_var(0, 0, 8, 'counter'),
            reg_function(1, 0, '_Z6nowherev'), launch(0), launch(1),
            symbol_address(0), bytes([UNREGISTER, 1]), launch(0), symbol_address(0)],
            reset_first=True),
        'printf': seed([(CLANG, printf)], [
            reg_function(0, 0, '_Z5helloi'), reg_var(0, 0, 8, '__cuport_printf_buffer'),
            launch(0), symbol_address(0), bytes([RESET]), launch(0)]),
        'printf-short-slot': seed([(CLANG, bytes(short_slot))], [
            reg_function(0, 0, '_Z5helloi'), launch(0), launch(0)]),
        'not-cuport': seed([(NVIDIA, kernel), (BAD_MAGIC, kernel), (NULL_DATA, kernel)], [
            reg_function(0, 0, '_Z5scalePffi'), reg_function(1, 1, '_Z5scalePffi'),
            reg_function(2, 2, '_Z5scalePffi'), reg_var(0, 0, 4, 'x'),
            launch(0), launch(1), launch(2), symbol_address(0)]),
        'bad-handles': seed([(CLANG, kernel)], [
            reg_function(0, 1, '_Z5scalePffi'), reg_function(1, 2, '_Z5scalePffi'),
            reg_function(2, 3, '_Z5scalePffi'), reg_var(0, 2, 8, 'x'),
            bytes([UNREGISTER, 2]), bytes([UNREGISTER, 3]), bytes([REG_END, 2]),
            launch(0), launch(1), launch(2), symbol_address(0),
            bytes([UNREGISTER, 0]), bytes([UNREGISTER, 0])]),
    }
    for file, data in seeds.items():
        with open(os.path.join(OUT, file), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main()
