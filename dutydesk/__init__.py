"""DutyDesk 值班台: the front desk of a village or community party-and-public service center."""

__version__ = "0.1.0"

APP_NAME = "DutyDesk"
APP_TITLE = "值班台 DutyDesk"
ORG_NAME = "DutyDesk"
