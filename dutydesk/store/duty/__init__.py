"""Duty and attendance (值班坐班, D01-D18): staff, roster, sign-in, leave, handover, tally, meetings."""
