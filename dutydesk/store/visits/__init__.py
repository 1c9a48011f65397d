"""The visit register (来访登记, V01-V14) and the residents it serves, with the matters that hang
off a visit: progress, sent up, asked of the leadership, incidents, accountability, analysis."""
