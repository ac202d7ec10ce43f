//! authing-transport-reqwest (under construction).
