//! authing-management (under construction).
