//! authing-authentication (under construction).
