//! authing-transport-hyper (under construction).
