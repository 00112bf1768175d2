"""调解工作台 (Mediation Desktop): offline case work for labour-dispute mediation rooms."""

__version__ = "0.1.0"
APP_NAME = "MediationDesktop"
APP_TITLE = "调解工作台"
