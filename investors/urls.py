from django.urls import path

from . import views

app_name = "investors"

urlpatterns = [
    path("inquire/", views.inquiry_create, name="inquire"),
    path("inquire/thanks/", views.inquiry_thanks, name="thanks"),
    path("inquire/status/", views.inquiry_status, name="status"),
    path("privacy/", views.PrivacyNoticeView.as_view(), name="privacy"),
]
