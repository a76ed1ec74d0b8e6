// A user header: not an input of the test, so never rewritten.
#pragma once
inline int user_value() { return 0; }
