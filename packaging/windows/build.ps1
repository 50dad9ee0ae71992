# Build the frozen app and the per-machine MSI on a Windows machine (run from the repository root):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs: Python >= 3.11 on PATH, and WiX Toolset 3.14 (heat, candle, light on PATH or in WIX).
# Output: dist\outreach-desktop\ (the frozen app) and dist\outreach-desktop-<version>-x64.msi.
# Silent install for IT:   msiexec /i dist\outreach-desktop-<version>-x64.msi /qn
# Silent uninstall:        msiexec /x dist\outreach-desktop-<version>-x64.msi /qn
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
Write-Host "Outreach Desktop $version"

if (-not (Test-Path .venv)) { python -m venv .venv }
.\.venv\Scripts\python -m pip install --quiet --upgrade pip
.\.venv\Scripts\python -m pip install --quiet -e ".[dev,dist]"
# the compiled translations (make translations on Linux)
New-Item -ItemType Directory -Force src\outreach_desktop\_built\translations | Out-Null
Get-ChildItem resources\translations\*.ts | ForEach-Object {
  .\.venv\Scripts\pyside6-lrelease -silent $_.FullName -qm "src\outreach_desktop\_built\translations\$($_.BaseName).qm"
}

$env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct)
Remove-Item -Recurse -Force dist\outreach-desktop, build\pyinstaller -ErrorAction SilentlyContinue
.\.venv\Scripts\pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller `
  packaging\pyinstaller\outreach-desktop.spec

# smoke test of the frozen app before packaging it
& dist\outreach-desktop\outreach-desktop.exe --version
if ($LASTEXITCODE -ne 0) { throw "the frozen app does not start" }

$wix = if ($env:WIX) { Join-Path $env:WIX "bin" } else { "" }
$heat = Join-Path $wix "heat.exe"; $candle = Join-Path $wix "candle.exe"; $light = Join-Path $wix "light.exe"
New-Item -ItemType Directory -Force build\msi | Out-Null
& $heat dir dist\outreach-desktop -nologo -cg AppFiles -dr INSTALLDIR -gg -srd -sfrag -sreg `
  -var var.SourceDir -out build\msi\files.wxs
& $candle -nologo -arch x64 -dVersion=$version -dSourceDir=dist\outreach-desktop `
  -dSiteConfigSource=packaging\site-config -dWin64=yes -out build\msi\ `
  packaging\windows\outreach-desktop.wxs build\msi\files.wxs
& $light -nologo -ext WixUIExtension -out "dist\outreach-desktop-$version-x64.msi" `
  build\msi\outreach-desktop.wixobj build\msi\files.wixobj
if ($LASTEXITCODE -ne 0) { throw "light failed" }
Write-Host "built dist\outreach-desktop-$version-x64.msi"
