"""A signature pad for mouse, touch and pen. Only the picture is kept: strokes are drawn into
an image and the points are thrown away — no timing, no pressure, no speed."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

PEN_WIDTH = 2.5
MIN_INK = (40.0, 8.0)  # a signature spans at least this much (width, height) in pixels
MAX_IMAGE_SIDE = 1600


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Signature field"))
        self.setAccessibleDescription(self.tr("Sign here with the mouse, a finger or a pen."))
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(420, 150))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._paths: list[QPainterPath] = []
        self._current: QPainterPath | None = None

    # ---- state -------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        """True until something signature-sized was drawn (a click or a dot is not enough)."""
        bounds = self._bounds()
        return bounds.width() < MIN_INK[0] and bounds.height() < MIN_INK[1]

    def _bounds(self) -> QRectF:
        rect = QRectF()
        for path in self._paths:
            rect = rect.united(path.boundingRect())
        return rect

    def clear(self) -> None:
        self._paths.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def to_png(self, scale: float = 2.0) -> bytes:
        """The drawn signature, black on white, cropped to what was drawn."""
        rect = self._bounds().adjusted(-6, -6, 6, 6)
        scale = min(scale, MAX_IMAGE_SIDE / max(rect.width(), rect.height(), 1.0))
        image = QImage(
            max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)),
            QImage.Format.Format_RGB32,
        )  # fmt: skip
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(-rect.topLeft())
        self._draw(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # ---- drawing -----------------------------------------------------------------------------
    def _clamp(self, point: QPointF) -> QPointF:
        return QPointF(
            min(max(point.x(), 0.0), float(self.width())),
            min(max(point.y(), 0.0), float(self.height())),
        )

    def _begin(self, point: QPointF) -> None:
        self._current = QPainterPath(self._clamp(point))
        self._paths.append(self._current)

    def _extend(self, point: QPointF) -> None:
        if self._current is not None:
            self._current.lineTo(self._clamp(point))
            self.update()

    def _end(self) -> None:
        if self._current is not None:
            if self._current.elementCount() == 1:  # a dot
                self._current.lineTo(self._current.currentPosition() + QPointF(0.5, 0.5))
            self._current = None
            self.update()
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: object) -> bool:
        if isinstance(event, QTouchEvent) and event.points():
            point = event.points()[0].position()
            if event.type() == QTouchEvent.Type.TouchBegin:
                self._begin(point)
            elif event.type() == QTouchEvent.Type.TouchUpdate:
                self._extend(point)
            else:
                self._end()
            event.accept()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#b0b0b0"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 30
        painter.drawLine(20, baseline, self.width() - 20, baseline)
        painter.drawText(24, baseline + 18, self.tr("Signature"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw(painter)
        if self.hasFocus():
            painter.setPen(QPen(QColor("#3874d8"), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        pen = QPen(QColor("black"), PEN_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for path in self._paths:
            painter.drawPath(path)
