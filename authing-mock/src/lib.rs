//! authing-mock (under construction).
