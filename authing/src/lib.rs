//! authing (under construction).
