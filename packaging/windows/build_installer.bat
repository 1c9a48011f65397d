@echo off
rem Build DutyDesk's one-folder bundle and its installer on a Windows PC (64-bit, Python 3.11,
rem Inno Setup 6). Run from anywhere: build_installer.bat
rem Output: packaging\dist\DutyDesk\ and packaging\dist\DutyDesk-VERSION-windows-x64-setup.exe
setlocal
cd /d "%~dp0\..\.."

if not exist .venv-build\Scripts\python.exe (
  py -3.11 -m venv .venv-build || goto :error
)
rem The exact tested versions of every runtime dependency (packaging\constraints.txt).
.venv-build\Scripts\python -m pip install -c packaging\constraints.txt -e . "pyinstaller>=6.3" || goto :error
.venv-build\Scripts\python packaging\build_bundle.py || goto :error

for /f "usebackq delims=" %%v in (`.venv-build\Scripts\python -c "import dutydesk; print(dutydesk.__version__)"`) do set VERSION=%%v

set ISCC=%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe
if not exist "%ISCC%" set ISCC=%LocalAppData%\Programs\Inno Setup 6\ISCC.exe
if not exist "%ISCC%" (
  echo Inno Setup 6 not found: install it from its official site, then run this again.
  goto :error
)
"%ISCC%" /DAppVersion=%VERSION% packaging\windows\dutydesk.iss || goto :error
echo Done: packaging\dist\DutyDesk-%VERSION%-windows-x64-setup.exe
exit /b 0

:error
echo Build failed.
exit /b 1
